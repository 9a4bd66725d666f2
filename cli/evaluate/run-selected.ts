/**
 * Running loaded suites: expand each into checks, run the engines on them in slices (so a long run
 * can report progress), and build the run report; keeps the checks (for explanations and coverage),
 * the checks not run and the time spent per suite.
 * @module
 */
import {
  buildReport,
  type Check,
  type CheckResult,
  expandSuite,
  type LoadedSuite,
  type RunOptions,
  type RunReport,
  runChecks,
} from '../../core/suite/index.ts'
import type { SkippedCheck } from '../format/report-view.ts'

/** A finished run */
export interface RunOutcome {
  readonly report: RunReport
  /** The checks, in the order of the report's results */
  readonly checks: readonly Check[]
  readonly skipped: readonly SkippedCheck[]
  /** Milliseconds per suite id */
  readonly suiteDurations: ReadonlyMap<string, number>
}

/** Called after each slice with the checks done so far and the total */
export type ProgressListener = (done: number, total: number) => void

/** The checks of a suite that will not run, with the reason (mirrors expandSuite's rule) */
export const skippedChecks = (suite: LoadedSuite): SkippedCheck[] => {
  const focused = suite.cases.some((c) => c.only)
  return suite.cases.flatMap((c) => {
    if (c.skip === undefined && (!focused || c.only)) return []
    const reason =
      c.skip !== undefined ? c.skip || 'skipped' : 'not run: another case of the suite is marked `only`'
    return c.actions.flatMap((action) =>
      c.resources.map((resource) => ({ suite: suite.id, case: c.name, action, resource, reason })),
    )
  })
}

/** Runs suites with the given options, `slice` checks at a time */
export const runSelected = async (
  suites: readonly LoadedSuite[],
  options: RunOptions,
  onProgress?: ProgressListener,
  slice = 2000,
): Promise<RunOutcome> => {
  const expansions = suites.map((suite) => {
    const start = performance.now()
    const expansion = expandSuite(suite, options)
    return { suite, expansion, expandMs: performance.now() - start }
  })
  const total = expansions.reduce((n, e) => n + e.expansion.checks.length, 0)
  const checks: Check[] = []
  const results: CheckResult[] = []
  const suiteDurations = new Map<string, number>()
  let skippedCount = 0
  for (const { suite, expansion, expandMs } of expansions) {
    const start = performance.now()
    skippedCount += expansion.skipped
    for (let at = 0; at < expansion.checks.length; at += slice) {
      const part = expansion.checks.slice(at, at + slice)
      results.push(...(await runChecks(part, options)))
      checks.push(...part)
      onProgress?.(checks.length, total)
    }
    suiteDurations.set(suite.id, expandMs + performance.now() - start)
  }
  return {
    report: buildReport(results, skippedCount),
    checks,
    skipped: suites.flatMap(skippedChecks),
    suiteDurations,
  }
}
