/**
 * `iamspec run [paths...]`: find suite files, load them, narrow them to `--filter` / `--tag`, resolve
 * what they leave to the account from `--snapshot` (or, with AWS in use, from the live account), run
 * them on the local evaluator and/or AWS's policy simulator (`--engine`), and print the
 * report as `pretty`, `json` (the run report, exactly) or `junit`, optionally with statement coverage.
 * Exit 0 when every check passed, 1 when one failed (or diverged with `--fail-on-divergence`), 2 on
 * invalid input.
 * @module
 */
import type { IAMClient } from '@aws-sdk/client-iam'
import type { Issue } from '../../core/policy/index.ts'
import {
  type Check,
  type CheckResult,
  createLocalEngine,
  type Engine,
  type LoadedSuite,
  type RunOptions,
  traceCheck,
  unresolvedReferences,
} from '../../core/suite/index.ts'
import { type AccountSource, accountProblems } from '../account/account-problems.ts'
import { accountSourceOf, loadAccountSource } from '../account/load-snapshot.ts'
import { type AwsFlags, awsFailureText, openAwsSession } from '../aws/aws-session.ts'
import { loadKeyTypes } from '../catalog/load-key-types.ts'
import { needsKeyTypes } from '../catalog/needs-key-types.ts'
import { colorWanted, palette } from '../colors.ts'
import { computeCoverage, type StatementUse, usesOfResults } from '../coverage/compute-coverage.ts'
import { fixturePolicies, statementFinder, statementLocator } from '../coverage/fixture-policies.ts'
import { formatCoverage } from '../coverage/format-coverage.ts'
import { runSelected } from '../evaluate/run-selected.ts'
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
export interface RunCommandOptions extends AwsFlags {
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
  const fail = (message: string): ExitCode => {
    io.err(`${errColors.red('error:')} ${message}\n`)
    return EXIT.invalid
  }
  const failIssues = (issues: readonly Issue[]): ExitCode => {
    io.err(formatIssues(issues, errColors))
    return EXIT.invalid
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

  const usesAws = options.engine !== 'local'
  let client: IAMClient | undefined
  if (usesAws) {
    // fail fast on missing credentials instead of one error per check
    const session = await openAwsSession(options)
    if (!session.ok) return fail(session.message)
    client = session.client
  }
  try {
    return await runWith(suites, account, client, options, io)
  } finally {
    client?.destroy()
  }
}

/** What the suites leave to the account: principals without `policies`, `{ arn }` policies */
const accountArns = (suites: readonly LoadedSuite[]): string[] => [
  ...new Set(
    suites.flatMap((s) => {
      const r = unresolvedReferences(s)
      return [...r.principals, ...r.managedPolicies]
    }),
  ),
]

/** The engines and judging of a run */
const engineOptions = async (
  client: IAMClient | undefined,
  options: RunCommandOptions,
  resolver: AccountSource['resolver'] | undefined,
): Promise<Pick<RunOptions, 'engines' | 'judge' | 'explainDivergence'>> => {
  if (!client) return { engines: [createLocalEngine()], judge: 'local' }
  const { createAwsEngine, explainDivergence } = await import('../../core/aws/index.ts')
  const engines: Engine[] = [
    ...(options.engine !== 'aws' ? [createLocalEngine()] : []),
    createAwsEngine({ client, ...(resolver ? { resolver } : {}) }),
  ]
  return { engines, judge: options.engine === 'aws' ? 'aws' : 'local', explainDivergence }
}

/** Runs selected suites (with the IAM client when AWS is used) and prints the report */
const runWith = async (
  suites: readonly LoadedSuite[],
  given: AccountSource | undefined,
  client: IAMClient | undefined,
  options: RunCommandOptions,
  io: CliIo,
): Promise<ExitCode> => {
  const errColors = palette(colorWanted(io.env, io.stderrIsTty))
  const outColors = palette(colorWanted(io.env, io.stdoutIsTty))
  const fail = (message: string): ExitCode => {
    io.err(`${errColors.red('error:')} ${message}\n`)
    return EXIT.invalid
  }
  let account = given
  const arns = accountArns(suites)
  // read what the suites leave to the account live when AWS is in use and no --snapshot was given
  if (client && account === undefined && arns.length > 0) {
    const { fetchLiveAccount } = await import('../../core/aws/index.ts')
    try {
      account = accountSourceOf(await fetchLiveAccount(client, arns), 'the live account')
    } catch (error) {
      return fail(`cannot read the account: ${await awsFailureText(error)}`)
    }
  }
  const missing = suites.flatMap((s) => accountProblems(s, account))
  if (missing.length > 0) {
    io.err(formatIssues(missing, errColors))
    return EXIT.invalid
  }

  const keyTypes = needsKeyTypes(suites) ? await loadKeyTypes() : undefined
  const resolver = account?.resolver
  const engines = await engineOptions(client, options, resolver)
  const progress = progressLine(io, 'running checks')
  const start = performance.now()
  const outcome = await runSelected(suites, { resolver, keyTypes, ...engines }, progress.update)
  progress.done()
  const durationMs = performance.now() - start
  const { report, checks } = outcome

  const fixtures = suites.flatMap((s) => fixturePolicies(s, resolver))
  const view: ReportView = {
    report,
    judge: engines.judge ?? 'local',
    // full explanations come from the local evaluator: only when it is the judge
    explanations: engines.judge === 'aws' ? new Map() : explainProblems(checks, report.results),
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
