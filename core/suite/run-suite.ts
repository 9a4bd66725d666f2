/**
 * The runner: expand suites into checks, run the engines asked for (the local evaluator by default),
 * judge each check on the judging engine and compare engines, and return the run report.
 * @module
 */
import type { Check } from './check.ts'
import type { Engine, EngineName, EngineResult } from './engine.ts'
import { type ExpandOptions, expandSuite } from './expand.ts'
import { createLocalEngine } from './local-engine.ts'
import { buildCheckResult, buildReport, type CheckOutcomes, type DivergenceExplainer } from './report.ts'
import type { CheckResult, RunReport } from './report-types.ts'
import type { LoadedSuite } from './types.ts'

/** How to run */
export interface RunOptions extends ExpandOptions {
  /** The engines to run; default: the local evaluator alone */
  readonly engines?: readonly Engine[]
  /** The engine whose decision is judged against `expect`; default: local when it ran, else the first engine */
  readonly judge?: EngineName
  /** Names documented simulator behaviours behind divergences */
  readonly explainDivergence?: DivergenceExplainer
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Runs one engine on a batch; a thrown error or a wrong-sized answer becomes an error per check */
const runEngine = async (engine: Engine, checks: readonly Check[]): Promise<readonly EngineResult[]> => {
  try {
    const results = await engine.evaluate(checks)
    if (results.length === checks.length) return results
    const error = `engine returned ${results.length} results for ${checks.length} checks`
    return checks.map(() => ({ error }))
  } catch (error) {
    const message = messageOf(error)
    return checks.map(() => ({ error: message }))
  }
}

/** The judging engine of a run */
export const judgeOf = (engines: readonly Engine[], judge: EngineName | undefined): EngineName => {
  if (judge && engines.some((e) => e.name === judge)) return judge
  return engines.some((e) => e.name === 'local') ? 'local' : (engines[0]?.name ?? 'local')
}

/** Runs checks on the engines and judges them (a slice of a run, or a whole one) */
export const runChecks = async (
  checks: readonly Check[],
  options: RunOptions = {},
): Promise<CheckResult[]> => {
  const engines = options.engines ?? [createLocalEngine()]
  const judge = judgeOf(engines, options.judge)
  const answers = await Promise.all(engines.map((e) => runEngine(e, checks)))
  return checks.map((check, i) => {
    const outcomes: CheckOutcomes = {}
    engines.forEach((engine, e) => {
      outcomes[engine.name] = answers[e]![i]
    })
    return buildCheckResult(check, outcomes, judge, options.explainDivergence)
  })
}

/** Runs one loaded suite */
export const runSuite = async (suite: LoadedSuite, options: RunOptions = {}): Promise<RunReport> =>
  runSuites([suite], options)

/** Runs several suites into one report; each suite's `only` cases focus that suite alone */
export const runSuites = async (
  suites: readonly LoadedSuite[],
  options: RunOptions = {},
): Promise<RunReport> => {
  const expansions = suites.map((s) => expandSuite(s, options))
  const checks = expansions.flatMap((e) => e.checks)
  const skipped = expansions.reduce((n, e) => n + e.skipped, 0)
  return buildReport(await runChecks(checks, options), skipped)
}
