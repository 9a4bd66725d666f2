/**
 * Judging checks and building the run report: status against `expect` on the judging engine,
 * divergence between engines (never when one skipped), errors with their message, and the summary.
 * @module
 */
import type { Decision } from '../evaluator/types.ts'
import type { Check } from './check.ts'
import { type EngineName, type EngineResult, isEngineError } from './engine.ts'
import {
  type CheckResult,
  type CheckStatus,
  type EngineDecision,
  type EngineOutcome,
  isDecision,
  type RunReport,
  type RunSummary,
} from './report-types.ts'
import type { Expectation } from './types.ts'

/** True when a decision meets an expectation; `denied` accepts either kind of deny */
export const meetsExpectation = (expected: Expectation, decision: Decision): boolean =>
  expected === 'denied' ? decision !== 'allowed' : expected === decision

/** Names a documented simulator behaviour behind a divergence, or undefined */
export type DivergenceExplainer = (
  check: Check,
  local: EngineDecision,
  aws: EngineDecision,
) => string | undefined

/** The engine results of one check, by engine */
export type CheckOutcomes = Partial<Record<EngineName, EngineResult>>

const outcomeOf = (result: EngineResult | undefined): EngineOutcome | undefined =>
  result === undefined || isEngineError(result) ? undefined : result

/** Builds one check's report line */
export const buildCheckResult = (
  check: Check,
  outcomes: CheckOutcomes,
  judge: EngineName,
  explainDivergence?: DivergenceExplainer,
): CheckResult => {
  const local = outcomeOf(outcomes.local)
  const aws = outcomeOf(outcomes.aws)
  const problems: string[] = []
  for (const name of ['local', 'aws'] as const) {
    const r = outcomes[name]
    if (isEngineError(r)) problems.push(`${name}: ${r.error}`)
  }
  const judged = outcomes[judge]
  if (judged === undefined) problems.push(`${judge}: the engine did not run`)
  else if (!isEngineError(judged) && !isDecision(judged))
    problems.push(`${judge}: cannot evaluate this check: ${judged.skipped}`)
  let status: CheckStatus = 'error'
  if (problems.length === 0 && isDecision(judged)) {
    status = meetsExpectation(check.expected, judged.decision) ? 'passed' : 'failed'
  }
  const divergent = isDecision(local) && isDecision(aws) && local.decision !== aws.decision
  const cause = divergent && explainDivergence ? explainDivergence(check, local, aws) : undefined
  return {
    suite: check.suite,
    case: check.case,
    principal: check.principal,
    action: check.action,
    resource: check.resource,
    expected: check.expected,
    ...(local ? { local } : {}),
    ...(aws ? { aws } : {}),
    status,
    ...(status === 'error' ? { message: problems.join('; ') } : {}),
    divergent,
    ...(cause ? { divergenceCause: cause } : {}),
  }
}

/** Counts a run's results */
export const summarize = (results: readonly CheckResult[], skipped = 0): RunSummary => {
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    divergent: results.filter((r) => r.divergent).length,
    ...(skipped > 0 ? { skipped } : {}),
  }
}

/** Builds a report from results (and the number of checks not run) */
export const buildReport = (results: readonly CheckResult[], skipped = 0): RunReport => ({
  summary: summarize(results, skipped),
  results,
})

/** Merges reports (slices of one run, or several suites) into one */
export const mergeReports = (reports: readonly RunReport[]): RunReport =>
  buildReport(
    reports.flatMap((r) => r.results),
    reports.reduce((n, r) => n + (r.summary.skipped ?? 0), 0),
  )
