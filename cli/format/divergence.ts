/**
 * Engines side by side: for a divergent check, each engine's decision, the statements it matched and
 * the context keys it found missing, and the documented cause (DIVERGENCE_CAUSES) when there is one;
 * and a summary of the checks the AWS simulator skipped (not failures).
 * @module
 */
import { DIVERGENCE_CAUSES } from '../../core/aws/divergence-causes.ts'
import { type CheckResult, type EngineOutcome, isDecision } from '../../core/suite/index.ts'
import type { ReportView } from './report-view.ts'

/** The text of a divergence cause code, or the code itself when unknown */
export const causeText = (code: string): string =>
  code in DIVERGENCE_CAUSES ? `${code}: ${DIVERGENCE_CAUSES[code as keyof typeof DIVERGENCE_CAUSES]}` : code

const statementsOf = (view: ReportView, result: CheckResult, outcome: EngineOutcome | undefined): string => {
  if (!isDecision(outcome) || outcome.matchedStatements.length === 0) return 'none'
  return outcome.matchedStatements
    .map((m) => {
      const at = view.locate(result.suite, m)
      return `${m.effect} ${m.sid !== null ? `\`${m.sid}\`` : `#${m.index}`} of \`${m.policy}\`${m.policyType ? ` (${m.policyType})` : ''}${at ? ` at ${at}` : ''}`
    })
    .join('; ')
}

const sideOf = (view: ReportView, result: CheckResult, name: 'local' | 'aws'): string => {
  const outcome = result[name]
  const decision = isDecision(outcome) ? outcome.decision : outcome ? `skipped (${outcome.skipped})` : 'n/a'
  const missing =
    isDecision(outcome) && outcome.missingContextKeys.length > 0
      ? outcome.missingContextKeys.join(', ')
      : 'none'
  return `${name.padEnd(5)} ${decision}; statements: ${statementsOf(view, result, outcome)}; missing context keys: ${missing}`
}

/** The side-by-side lines of a divergent check (no indentation, no trailing newline) */
export const divergenceLines = (view: ReportView, i: number): string[] => {
  const result = view.report.results[i]!
  return [
    sideOf(view, result, 'local'),
    sideOf(view, result, 'aws'),
    ...(result.divergenceCause ? [`cause: ${causeText(result.divergenceCause)}`] : []),
  ]
}

/** Checks whose AWS side was skipped, counted by reason, most frequent first */
export const awsSkips = (results: readonly CheckResult[]): { count: number; reasons: [string, number][] } => {
  const reasons = new Map<string, number>()
  let count = 0
  for (const r of results) {
    if (r.aws && !isDecision(r.aws)) {
      count++
      reasons.set(r.aws.skipped, (reasons.get(r.aws.skipped) ?? 0) + 1)
    }
  }
  return { count, reasons: [...reasons].sort((a, b) => b[1] - a[1]) }
}
