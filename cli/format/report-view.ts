/**
 * What the report formatters are given: the run report plus what the report alone does not carry
 * (explanations with condition values, statement positions as `file:line`, skipped checks, timings).
 * @module
 */
import {
  type CheckResult,
  type EngineDecision,
  type EngineName,
  isDecision,
  type RunReport,
} from '../../core/suite/index.ts'
import type { StatementLocator } from '../coverage/fixture-policies.ts'
import { explainOutcome } from './explanation.ts'

/** A check that was not run: its case is skipped, or another case of its suite is marked `only` */
export interface SkippedCheck {
  readonly suite: string
  readonly case: string
  readonly action: string
  readonly resource: string
  readonly reason: string
}

/** A run report with what formatters need around it */
export interface ReportView {
  readonly report: RunReport
  /** The engine whose decision is judged against `expect` */
  readonly judge: EngineName
  /** One-line explanations by result index, where a full evaluation was made */
  readonly explanations: ReadonlyMap<number, string>
  /** Places deciding statements as `file:line:column` */
  readonly locate: StatementLocator
  /** The file of each suite, by suite id, in run order */
  readonly suiteFiles: ReadonlyMap<string, string>
  readonly skipped: readonly SkippedCheck[]
  /** Wall time of the run, milliseconds */
  readonly durationMs: number
  /** Time spent per suite, milliseconds */
  readonly suiteDurations: ReadonlyMap<string, number>
  /** Whether divergent checks count as failures */
  readonly failOnDivergence: boolean
}

/** The judged engine's decision on a check, if it decided */
export const judgedDecision = (result: CheckResult, judge: EngineName): EngineDecision | undefined => {
  const outcome = judge === 'aws' ? result.aws : result.local
  return isDecision(outcome) ? outcome : undefined
}

/** The explanation of result `i`: the full one when made, else one from the report */
export const explanationOf = (view: ReportView, i: number): string | undefined => {
  const full = view.explanations.get(i)
  if (full !== undefined) return full
  const decision = judgedDecision(view.report.results[i]!, view.judge)
  return decision ? explainOutcome(decision) : undefined
}

/** The place of the first deciding statement that has one, as `file:line:column` */
export const decidingLocation = (view: ReportView, i: number): string | undefined => {
  const result = view.report.results[i]!
  const decision = judgedDecision(result, view.judge)
  for (const statement of decision?.matchedStatements ?? []) {
    const at = view.locate(result.suite, statement)
    if (at) return at
  }
  return undefined
}

/** True when a result counts against the run: failed, an error, or divergent when that fails runs */
export const isProblem = (result: CheckResult, failOnDivergence: boolean): boolean =>
  result.status !== 'passed' || (failOnDivergence && result.divergent)

/** The one-line label of a check: `suite › case: action resource` */
export const checkLabel = (result: Pick<CheckResult, 'suite' | 'case' | 'action' | 'resource'>): string =>
  `${result.suite} › ${result.case}: ${result.action} ${result.resource}`
