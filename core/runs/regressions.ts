/**
 * Regressions between two runs of a suite (pure): checks are matched by identity (suite, case,
 * principal, action, resource, and occurrence when a case repeats a pair), and each matched check that
 * got worse is reported once, with its most serious kind.
 * @module
 */

import type { Regression, RegressionSide } from '../store/repository.ts'
import type { EngineName } from '../suite/engine.ts'
import { type CheckResult, isDecision } from '../suite/report-types.ts'

/** What kind of change a regression is */
export type RegressionKind = Regression['kind']

/** The identity of a check across runs (without its occurrence number) */
export const checkIdentity = (r: Pick<CheckResult, 'suite' | 'case' | 'principal' | 'action' | 'resource'>) =>
  [r.suite, r.case, r.principal, r.action, r.resource].join('\u0000')

/** Keys results by identity; a repeated identity gets its occurrence number appended */
const keyed = (results: Iterable<CheckResult>): Map<string, CheckResult> => {
  const seen = new Map<string, number>()
  const out = new Map<string, CheckResult>()
  for (const r of results) {
    const id = checkIdentity(r)
    const n = seen.get(id) ?? 0
    seen.set(id, n + 1)
    out.set(n === 0 ? id : `${id}\u0000${n}`, r)
  }
  return out
}

/** The judging engine's decision in a result, if it decided */
export const judgedDecision = (result: CheckResult, judge: EngineName): string | undefined => {
  const outcome = result[judge]
  return isDecision(outcome) ? outcome.decision : undefined
}

const sideOf = (result: CheckResult, judge: EngineName): RegressionSide => {
  const decision = judgedDecision(result, judge)
  return { status: result.status, divergent: result.divergent, ...(decision ? { decision } : {}) }
}

/**
 * The kind of regression between two states of one check, or undefined. In order of seriousness:
 * `newFailure` (passed, now failed or error), `newDivergence` (engines agreed, now differ),
 * `decisionFlip` (the judging engine decided differently, and the check is not newly passing)
 */
export const regressionKind = (before: RegressionSide, after: RegressionSide): RegressionKind | undefined => {
  if (before.status === 'passed' && after.status !== 'passed') return 'newFailure'
  if (!before.divergent && after.divergent) return 'newDivergence'
  const fixed = before.status !== 'passed' && after.status === 'passed'
  if (before.decision && after.decision && before.decision !== after.decision && !fixed) return 'decisionFlip'
  return undefined
}

/** How to compare two runs */
export interface RegressionOptions {
  /** The engine judged in the previous run (its decisions are compared); default local */
  readonly judgeBefore?: EngineName
  /** The engine judged in the current run; default local */
  readonly judgeAfter?: EngineName
}

/**
 * Finds the checks that regressed from `previous` to `current`, in the current run's order. Checks
 * present in only one run (added or removed cases) are not regressions
 */
export const findRegressions = (
  previous: Iterable<CheckResult>,
  current: Iterable<CheckResult>,
  options: RegressionOptions = {},
): Regression[] => {
  const judgeBefore = options.judgeBefore ?? 'local'
  const judgeAfter = options.judgeAfter ?? 'local'
  const before = keyed(previous)
  const out: Regression[] = []
  for (const [key, now] of keyed(current)) {
    const then = before.get(key)
    if (!then) continue
    const b = sideOf(then, judgeBefore)
    const a = sideOf(now, judgeAfter)
    const kind = regressionKind(b, a)
    if (!kind) continue
    out.push({
      kind,
      case: now.case,
      principal: now.principal,
      action: now.action,
      resource: now.resource,
      before: b,
      after: a,
    })
  }
  return out
}
