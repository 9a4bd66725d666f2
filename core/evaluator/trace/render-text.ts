/**
 * Rendering decisions and traces for a person: a one-line explanation and an indented tree.
 * @module
 */

import { CONDITION_REASONS } from '../conditions/index.ts'
import type { EvaluationResult, MatchedStatement, TraceNode } from '../types.ts'
import { REASONS, type ReasonCode } from './reasons.ts'

const statementName = (m: MatchedStatement): string => (m.sid ? `\`${m.sid}\`` : `#${m.index}`)
const policyName = (m: MatchedStatement): string =>
  `\`${m.policy}\` (${m.policyType}${m.level !== undefined ? ` level ${m.level}` : ''})`

const reasonText = (code: string | undefined): string => {
  if (code !== undefined && code in REASONS) return REASONS[code as ReasonCode]
  if (code !== undefined && code in CONDITION_REASONS)
    return CONDITION_REASONS[code as keyof typeof CONDITION_REASONS]
  return code ?? 'no statement allowed the request'
}

const formatValue = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : String(v))

/** The failing or deciding conditions of a statement, from the trace, as `key is value` phrases */
const conditionPhrases = (trace: TraceNode | undefined, m: MatchedStatement): string[] => {
  if (!trace) return []
  const out: string[] = []
  const visit = (n: TraceNode, inPolicy: boolean): void => {
    if (n.kind === 'policy') {
      for (const c of n.children) visit(c, n.label === m.policy)
      return
    }
    if (n.kind === 'statement' && inPolicy && n.detail?.index === m.index) {
      for (const c of n.children) {
        if (c.kind !== 'condition') continue
        for (const test of c.children) {
          const d = test.detail ?? {}
          const values = d.requestValues as unknown[] | undefined
          out.push(
            values === undefined || values.length === 0
              ? `${String(d.key)} is missing`
              : `${String(d.key)} is ${formatValue(values)} (${String(d.operator)} ${formatValue(d.policyValues)})`,
          )
        }
      }
      return
    }
    for (const c of n.children) visit(c, inPolicy)
  }
  visit(trace, false)
  return out
}

/** A one-line explanation: "denied because statement `DenyNoMfa` in `boundary` matched: …" */
export const explainDecision = (result: EvaluationResult): string => {
  if (result.decision === 'explicitDeny') {
    const first = result.reasons[0]
    if (!first) return 'explicitly denied'
    const conditions = conditionPhrases(result.trace, first)
    const more = result.reasons.length > 1 ? ` (and ${result.reasons.length - 1} more deny statement(s))` : ''
    return `denied because statement ${statementName(first)} in ${policyName(first)} matched${conditions.length ? `: ${conditions.join(', ')}` : ''}${more}`
  }
  if (result.decision === 'allowed') {
    if (result.reasons.length === 0) return `allowed: ${reasonText(result.decisionReason)}`
    return `allowed by ${result.reasons.map((m) => `statement ${statementName(m)} in ${policyName(m)}`).join(', ')}`
  }
  const missing = result.missingContextKeys.length
    ? ` (missing context keys: ${result.missingContextKeys.join(', ')})`
    : ''
  return `implicitly denied: ${reasonText(result.decisionReason)}${missing}`
}

const OUTCOME_MARK: Readonly<Record<TraceNode['outcome'], string>> = {
  match: '✓',
  noMatch: '✗',
  notApplicable: '-',
  error: '!',
}

const describeDetail = (n: TraceNode): string => {
  const d = n.detail
  if (!d) return ''
  switch (n.kind) {
    case 'action':
      return ` ${String(d.action)} vs ${formatValue(d.patterns)}`
    case 'resource':
      return ` ${String(d.resource)} vs ${formatValue(d.patterns)}`
    case 'principal':
      return ` ${String(d.caller)}${d.form ? ` as ${String(d.form)}` : ''}`
    default:
      if (d.key !== undefined) {
        const values = d.requestValues as unknown[] | undefined
        return ` ${String(d.key)} = ${values?.length ? formatValue(values) : '(missing)'} vs ${formatValue(d.policyValues)}`
      }
      return ''
  }
}

/** Renders a trace as an indented tree, one node per line */
export const renderTrace = (root: TraceNode): string => {
  const lines: string[] = []
  const walk = (n: TraceNode, depth: number): void => {
    const where = n.span && n.span.line > 0 ? ` (line ${n.span.line})` : ''
    lines.push(
      `${'  '.repeat(depth)}${OUTCOME_MARK[n.outcome]} ${n.kind} ${n.label}${where}${describeDetail(n)}: ${reasonText(n.reason)}`,
    )
    for (const c of n.children) walk(c, depth + 1)
  }
  walk(root, 0)
  return lines.join('\n')
}
