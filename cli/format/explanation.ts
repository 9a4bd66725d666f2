/**
 * One-line explanations of a check's decision for people: from a full evaluation (with the trace,
 * so failing conditions name their values) or, where only the report is at hand, from the report's
 * deciding statements.
 * @module
 */
import { explainDecision } from '../../core/evaluator/index.ts'
import type { EvaluationResult, MatchedStatement } from '../../core/evaluator/types.ts'
import type { EngineDecision } from '../../core/suite/index.ts'
import { decidingResult, type TracedCheck } from '../../core/suite/index.ts'

const hopPrefix = (index: number, action: string, role: string): string =>
  `via[${index}] ${action} on \`${role}\`: `

/** Explains a fully evaluated check: the refused hop's decision, else the request's */
export const explainTraced = (traced: TracedCheck): string => {
  const result = decidingResult(traced)
  if (traced.refusedAt === undefined) return explainDecision(result)
  const hop = traced.hops[traced.refusedAt]!
  return hopPrefix(traced.refusedAt, hop.action, hop.roleArn) + explainDecision(result)
}

/** Rebuilds what explainDecision needs from a report outcome (no trace: conditions are not named) */
const resultOf = (outcome: EngineDecision): EvaluationResult => ({
  decision: outcome.decision,
  reasons: outcome.matchedStatements.map(
    (s): MatchedStatement => ({
      policyType: s.policyType ?? 'identity',
      policy: s.policy,
      sid: s.sid,
      index: s.index,
      effect: s.effect,
      ...(s.position ? { span: s.position } : {}),
    }),
  ),
  missingContextKeys: outcome.missingContextKeys,
  errors: [],
})

/** Explains an engine's outcome from the report alone */
export const explainOutcome = (outcome: EngineDecision): string => {
  const text = explainDecision(resultOf(outcome))
  return outcome.hop ? hopPrefix(outcome.hop.index, outcome.hop.action, outcome.hop.role) + text : text
}
