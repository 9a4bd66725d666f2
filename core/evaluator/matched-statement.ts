/**
 * How a statement that applied is reported in a result (the report's matchedStatements entry).
 * @module
 */
import type { NamedPolicy, Statement } from '../policy/types.ts'
import type { MatchedStatement, PolicyType } from './types.ts'

/** The report entry of a statement of a policy of the given type (and SCP or RCP level) */
export const matchedStatement = (
  policyType: PolicyType,
  policy: NamedPolicy,
  s: Statement,
  level: number | undefined,
): MatchedStatement =>
  level === undefined
    ? { policyType, policy: policy.name, sid: s.sid ?? null, index: s.index, effect: s.effect, span: s.span }
    : {
        policyType,
        policy: policy.name,
        sid: s.sid ?? null,
        index: s.index,
        effect: s.effect,
        span: s.span,
        level,
      }
