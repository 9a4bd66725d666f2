/**
 * The simulator's MatchedStatements as the report's matchedStatements: SourcePolicyId names the
 * input list and 1-based position (`PolicyInputList.1`, `PermissionsBoundaryPolicyInputList.1`,
 * `ResourcePolicy`) or, for SimulatePrincipalPolicy, the account's policy name; StartPosition and
 * EndPosition locate the statement in the text that was sent, which gives its index and Sid.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html
 * @module
 */
import type { Statement as AwsStatement } from '@aws-sdk/client-iam'
import type { Decision, PolicyType } from '../evaluator/types.ts'
import { parsePolicyText } from '../policy/index.ts'
import type { NamedPolicy, PolicyDocument, PolicyKind } from '../policy/types.ts'
import type { ReportedStatement } from '../suite/index.ts'
import { NO_IDENTITY_POLICY, type SentPolicy, type Simulation } from './plan-check.ts'
import { policyJson } from './policy-json.ts'

const parsed = new Map<string, PolicyDocument | null>()

/** The document of a sent text, with spans relative to that text (cached) */
const documentOf = (text: string, kind: PolicyKind): PolicyDocument | undefined => {
  const key = `${kind}\u0000${text}`
  if (!parsed.has(key)) {
    if (parsed.size > 2_000) parsed.clear()
    const result = parsePolicyText(text, kind)
    parsed.set(key, result.ok ? result.value : null)
  }
  return parsed.get(key) ?? undefined
}

const indexOf = (
  list: readonly SentPolicy[] | undefined,
  id: string,
  prefix: string,
): SentPolicy | undefined => {
  const m = new RegExp(`^${prefix}\\.(\\d+)$`).exec(id)
  if (!m || !list) return undefined
  return list[Math.max(0, Number(m[1]) - 1)]
}

const TYPE_OF_SOURCE: Readonly<Record<string, PolicyType>> = {
  resource: 'resource',
  'permission-boundary': 'boundary',
  'permissions-boundary': 'boundary',
  scp: 'scp',
}

const accountPolicy = (
  id: string,
  type: string | undefined,
  known: readonly NamedPolicy[],
): SentPolicy | undefined => {
  const policy = known.find((p) => p.name === id || p.arn === id || p.arn?.endsWith(`/${id}`))
  if (!policy) return undefined
  const policyType = TYPE_OF_SOURCE[type ?? ''] ?? 'identity'
  return {
    policy,
    text: policyJson(policy),
    kind: policyType === 'resource' ? 'resource' : 'identity',
    policyType,
  }
}

/** The sent policy a SourcePolicyId names */
export const sourcePolicyOf = (
  id: string,
  type: string | undefined,
  simulation: Simulation,
): SentPolicy | undefined => {
  if (id === 'ResourcePolicy') return simulation.resourcePolicy
  if (/^PermissionsBoundaryPolicyInputList(\.\d+)?$/.test(id)) return simulation.boundary
  const scp = /^OrderedOrganizationPolicyInputList\.(\d+)\.ServiceControlPolicyInputList\.(\d+)$/.exec(id)
  if (scp) return simulation.scpLevels?.[Number(scp[1]) - 1]?.[Number(scp[2]) - 1]
  return (
    indexOf(simulation.policies, id, 'PolicyInputList') ?? accountPolicy(id, type, simulation.knownPolicies)
  )
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }): boolean =>
  a.line < b.line || (a.line === b.line && a.column <= b.column)

/** The index of the statement at a position of the text (the one that contains it, else the last before it) */
export const statementAt = (document: PolicyDocument, line: number, column: number): number | undefined => {
  const at = { line, column }
  let best: number | undefined
  for (const [i, s] of document.statements.entries()) {
    const start = { line: s.span.line, column: s.span.column }
    const end = { line: s.span.endLine, column: s.span.endColumn }
    if (before(start, at) && before(at, end)) return i
    if (before(start, at)) best = i
  }
  return best ?? (document.statements.length > 0 ? 0 : undefined)
}

const reportOne = (
  st: AwsStatement,
  simulation: Simulation,
  decision: Decision,
): ReportedStatement | undefined => {
  const id = st.SourcePolicyId ?? ''
  const source = sourcePolicyOf(id, st.SourcePolicyType, simulation)
  if (source?.text === NO_IDENTITY_POLICY) return undefined
  const fallbackEffect = decision === 'explicitDeny' ? 'Deny' : 'Allow'
  if (!source) {
    const policyType = TYPE_OF_SOURCE[st.SourcePolicyType ?? ''] ?? 'identity'
    return { policy: id || 'unknown', sid: null, index: -1, effect: fallbackEffect, policyType }
  }
  const document = documentOf(source.text, source.kind)
  const index =
    document && st.StartPosition
      ? statementAt(document, st.StartPosition.Line ?? 0, st.StartPosition.Column ?? 0)
      : undefined
  const statement = index === undefined ? undefined : document?.statements[index]
  const original = index === undefined ? undefined : source.policy.document.statements[index]
  const span = original?.span
  return {
    policy: source.policy.name,
    sid: statement?.sid ?? null,
    index: index ?? -1,
    effect: statement?.effect ?? fallbackEffect,
    policyType: source.policyType,
    ...(span && span.line > 0
      ? {
          position: {
            line: span.line,
            column: span.column,
            endLine: span.endLine,
            endColumn: span.endColumn,
          },
        }
      : {}),
  }
}

/** Maps the simulator's matched statements to the report's, dropping duplicates */
export const reportStatements = (
  statements: readonly AwsStatement[],
  simulation: Simulation,
  decision: Decision,
): ReportedStatement[] => {
  const out: ReportedStatement[] = []
  const seen = new Set<string>()
  for (const st of statements) {
    const r = reportOne(st, simulation, decision)
    const key = r && `${r.policyType}\u0000${r.policy}\u0000${r.index}`
    if (r && key && !seen.has(key)) {
      seen.add(key)
      out.push(r)
    }
  }
  return out
}
