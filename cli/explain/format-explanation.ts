/**
 * `iamspec explain` output: the request, the role chain, the decision with its one-line reason, what
 * each policy type said, the deciding statements with their place, missing context keys, and the
 * full evaluation trace.
 * @module
 */
import { explainDecision, REASONS, type ReasonCode, renderTrace } from '../../core/evaluator/index.ts'
import type { Decision, EvaluationResult, TraceNode } from '../../core/evaluator/types.ts'
import type { Check } from '../../core/suite/index.ts'
import { decidingResult, type TracedCheck } from '../../core/suite/index.ts'
import type { Palette } from '../colors.ts'
import type { StatementLocator } from '../coverage/fixture-policies.ts'

const reasonText = (code: string): string => (code in REASONS ? REASONS[code as ReasonCode] : code)

const decisionWord = (decision: Decision, c: Palette): string =>
  decision === 'allowed'
    ? c.green('ALLOWED')
    : c.red(decision === 'explicitDeny' ? 'EXPLICIT DENY' : 'IMPLICIT DENY')

/** What each policy type said, from the trace's policyType nodes */
export const policyTypeLines = (trace: TraceNode | undefined, c: Palette): string[] =>
  (trace?.children ?? [])
    .filter((n) => n.kind === 'policyType')
    .map((n) => {
      const verdict =
        n.reason === 'policy-type-denies'
          ? c.red('denies ')
          : n.reason === 'policy-type-allows'
            ? c.green('allows ')
            : n.reason === 'policy-type-not-applicable'
              ? c.dim('n/a    ')
              : c.yellow('no allow')
      return `  ${n.label.padEnd(9)} ${verdict} ${c.dim(reasonText(n.reason))}`
    })

const statementLines = (
  check: Check,
  result: EvaluationResult,
  locate: StatementLocator,
  c: Palette,
): string[] =>
  result.reasons.map((m) => {
    const at = locate(check.suite, {
      policy: m.policy,
      index: m.index,
      ...(m.span ? { position: m.span } : {}),
    })
    const name = m.sid ? `\`${m.sid}\` (#${m.index})` : `#${m.index}`
    return `  ${m.effect === 'Deny' ? c.red(m.effect) : c.green(m.effect)} statement ${name} of \`${m.policy}\` (${m.policyType}${m.level !== undefined ? ` level ${m.level}` : ''})${at ? c.dim(` at ${at}`) : ''}`
  })

const contextLines = (check: Check): string[] =>
  [...check.context].map(
    ([key, value]) =>
      `  ${key}${value.type ? ` (${value.type}${value.multi ? ' list' : ''})` : ''} = ${value.multi ? `[${value.values.join(', ')}]` : (value.values[0] ?? '')}`,
  )

/** The full explanation of one check, ending with a newline */
export const formatExplanation = (
  check: Check,
  traced: TracedCheck,
  locate: StatementLocator,
  c: Palette,
): string => {
  const result = decidingResult(traced)
  const caller = check.identity?.caller.arn
  const lines = [
    c.bold('Request'),
    `  principal ${check.principalName ? `${check.principalName} (${check.principal})` : check.principal}`,
    ...(caller && caller !== check.principal ? [`  caller    ${caller}`] : []),
    `  action    ${check.action}`,
    `  resource  ${check.resource}`,
    ...(check.resourceModel?.policy
      ? [
          `  resource policy \`${check.resourceModel.policy.name}\` (${check.resourceModel.policyKind ?? 'standard'})`,
        ]
      : []),
  ]
  const context = contextLines(check)
  if (context.length > 0) lines.push(c.bold('Context'), ...context)
  if (traced.hops.length > 0) {
    lines.push(c.bold('Role chain'))
    traced.hops.forEach((hop, i) => {
      lines.push(
        `  via[${i}] ${hop.action} on ${hop.roleArn}: ${decisionWord(hop.result.decision, c)} (${explainDecision(hop.result)})`,
      )
    })
    if (traced.refusedAt !== undefined) lines.push(c.red(`  the chain stops at via[${traced.refusedAt}]`))
  }
  lines.push(
    '',
    `${c.bold('Decision')} ${decisionWord(result.decision, c)}${traced.refusedAt !== undefined ? ` (at via[${traced.refusedAt}])` : ''}`,
    `  ${explainDecision(result)}`,
  )
  const types = policyTypeLines(result.trace, c)
  if (types.length > 0) lines.push(c.bold('Policy types'), ...types)
  const statements = statementLines(check, result, locate, c)
  if (statements.length > 0) lines.push(c.bold('Deciding statements'), ...statements)
  if (result.missingContextKeys.length > 0)
    lines.push(c.bold('Missing context keys'), `  ${result.missingContextKeys.join(', ')}`)
  if (result.errors.length > 0)
    lines.push(c.bold('Evaluation errors'), ...result.errors.map((e) => `  ${e.message}`))
  if (result.trace) lines.push('', c.bold('Trace'), renderTrace(result.trace))
  return `${lines.join('\n')}\n`
}
