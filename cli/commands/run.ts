/**
 * `iamspec run [paths...]`: find suite files, load them, narrow them to `--filter` / `--tag`, resolve
 * what they leave to the account from `--snapshot`, run them on the local evaluator, and print the
 * report as `pretty`, `json` (the run report, exactly) or `junit`, optionally with statement coverage.
 * Exit 0 when every check passed, 1 when one failed (or diverged with `--fail-on-divergence`), 2 on
 * invalid input.
 * @module
 */
import type { Issue } from '../../core/policy/index.ts'
import type { Check, CheckResult } from '../../core/suite/index.ts'
import { type AccountSource, accountProblems } from '../account/account-problems.ts'
import { loadAccountSource } from '../account/load-snapshot.ts'
import { loadKeyTypes } from '../catalog/load-key-types.ts'
import { needsKeyTypes } from '../catalog/needs-key-types.ts'
import { colorWanted, palette } from '../colors.ts'
import { computeCoverage, type StatementUse, usesOfResults } from '../coverage/compute-coverage.ts'
import { fixturePolicies, statementFinder, statementLocator } from '../coverage/fixture-policies.ts'
import { formatCoverage } from '../coverage/format-coverage.ts'
import { runSelected } from '../evaluate/run-selected.ts'
import { traceCheck } from '../evaluate/trace-check.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import { findSuiteFiles } from '../files/find-suite-files.ts'
import { loadSuiteFiles } from '../files/load-suite-files.ts'
import { writeOutputFile } from '../files/write-output.ts'
import { explainTraced } from '../format/explanation.ts'
import { formatIssues } from '../format/issues.ts'
import { formatJunit } from '../format/junit.ts'
import { formatPretty } from '../format/pretty.ts'
import { progressLine } from '../format/progress.ts'
import type { ReportView } from '../format/report-view.ts'
import type { CliIo } from '../io.ts'
import { selectCases } from '../select/select-cases.ts'

/** The engines `--engine` names */
export const ENGINE_CHOICES = ['local', 'aws', 'both'] as const
/** The formats `--format` names */
export const FORMAT_CHOICES = ['pretty', 'json', 'junit'] as const

/** Options of `iamspec run` */
export interface RunCommandOptions {
  readonly engine: (typeof ENGINE_CHOICES)[number]
  readonly format: (typeof FORMAT_CHOICES)[number]
  readonly out?: string
  readonly filter: readonly string[]
  readonly tag: readonly string[]
  readonly snapshot?: string
  readonly coverage: boolean
  readonly failOnDivergence: boolean
}

/** Failed checks explained with a full evaluation, at most (the rest from the report) */
const MAX_FULL_EXPLANATIONS = 1000

/** Full explanations for failed and divergent checks decided by the local engine */
const explainProblems = (checks: readonly Check[], results: readonly CheckResult[]): Map<number, string> => {
  const out = new Map<number, string>()
  for (let i = 0; i < results.length && out.size < MAX_FULL_EXPLANATIONS; i++) {
    const r = results[i]!
    if (r.status !== 'failed' && !r.divergent) continue
    const traced = traceCheck(checks[i]!, 'full')
    if (!('error' in traced)) out.set(i, explainTraced(traced))
  }
  return out
}

/** The statements via hops relied on (the report keeps only a refused hop's) */
const hopUses = (checks: readonly Check[]): StatementUse[] =>
  checks.flatMap((check) => {
    if (check.via.length === 0) return []
    const traced = traceCheck(check, 'reasons')
    if ('error' in traced) return []
    const statements = traced.hops.flatMap((h) =>
      h.result.reasons.map((m) => ({
        policy: m.policy,
        index: m.index,
        ...(m.span ? { position: m.span } : {}),
      })),
    )
    return [{ suite: check.suite, statements }]
  })

const selectionText = (options: RunCommandOptions): string =>
  [...options.filter.map((f) => `\`--filter ${f}\``), ...options.tag.map((t) => `\`--tag ${t}\``)].join(', ')

/** Runs `iamspec run` and returns the exit code */
export const runCommand = async (
  paths: readonly string[],
  options: RunCommandOptions,
  io: CliIo,
): Promise<ExitCode> => {
  const errColors = palette(colorWanted(io.env, io.stderrIsTty))
  const outColors = palette(colorWanted(io.env, io.stdoutIsTty))
  const fail = (message: string): ExitCode => {
    io.err(`${errColors.red('error:')} ${message}\n`)
    return EXIT.invalid
  }
  const failIssues = (issues: readonly Issue[]): ExitCode => {
    io.err(formatIssues(issues, errColors))
    return EXIT.invalid
  }
  if (options.engine !== 'local') {
    return fail(
      `the AWS engine is not available yet: \`--engine ${options.engine}\` cannot run; use \`--engine local\` (the default)`,
    )
  }
  const found = findSuiteFiles(paths, io.cwd)
  if (found.problems.length > 0) {
    for (const problem of found.problems) io.err(`${errColors.red('error:')} ${problem}\n`)
    return EXIT.invalid
  }
  const loaded = loadSuiteFiles(found.files)
  if (loaded.issues.some((i) => i.severity === 'error')) return failIssues(loaded.issues)
  if (loaded.issues.length > 0) io.err(formatIssues(loaded.issues, errColors))

  let account: AccountSource | undefined
  if (options.snapshot !== undefined) {
    const source = await loadAccountSource(io.cwd, options.snapshot)
    if (!source.ok) return failIssues(source.issues)
    if (source.warnings?.length) io.err(formatIssues(source.warnings, errColors))
    account = source.value
  }
  const suites = selectCases(loaded.suites, { filters: options.filter, tags: options.tag })
  if (suites.length === 0) return fail(`no case matches ${selectionText(options)}`)
  const missing = suites.flatMap((s) => accountProblems(s, account))
  if (missing.length > 0) return failIssues(missing)

  const keyTypes = needsKeyTypes(suites) ? await loadKeyTypes() : undefined
  const resolver = account?.resolver
  const progress = progressLine(io, 'running checks')
  const start = performance.now()
  const outcome = await runSelected(suites, { resolver, keyTypes }, progress.update)
  progress.done()
  const durationMs = performance.now() - start
  const { report, checks } = outcome

  const fixtures = suites.flatMap((s) => fixturePolicies(s, resolver))
  const view: ReportView = {
    report,
    judge: 'local',
    explanations: explainProblems(checks, report.results),
    locate: statementLocator(statementFinder(fixtures)),
    suiteFiles: new Map(suites.map((s) => [s.id, s.file])),
    skipped: outcome.skipped,
    durationMs,
    suiteDurations: outcome.suiteDurations,
    failOnDivergence: options.failOnDivergence,
  }
  const formatted =
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === 'junit'
        ? formatJunit(view)
        : formatPretty(view, options.out !== undefined ? palette(false) : outColors)
  if (options.out !== undefined) {
    const problem = writeOutputFile(io.cwd, options.out, formatted)
    if (problem) return fail(problem)
    io.out(formatPretty(view, outColors))
  } else io.out(formatted)

  if (options.coverage) {
    const coverage = computeCoverage(fixtures, [...usesOfResults(report.results), ...hopUses(checks)])
    const toStdout = options.format === 'pretty' || options.out !== undefined
    if (toStdout) io.out(`\n${formatCoverage(coverage, outColors)}`)
    else io.err(formatCoverage(coverage, errColors))
  }

  const { summary } = report
  const failed =
    summary.failed > 0 || summary.errors > 0 || (options.failOnDivergence && summary.divergent > 0)
  return failed ? EXIT.failed : EXIT.ok
}
