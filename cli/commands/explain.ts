/**
 * `iamspec explain`: decides one request (principal, action, resource, context) against a suite's
 * fixtures and/or an account snapshot, and prints the decision with its full trace: which policy
 * types allowed or denied, which statement decided, which condition failed with what values.
 * Exit 0 when the request was decided, 2 on invalid input.
 * @module
 */
import type { LoadedSuite } from '../../core/suite/index.ts'
import { traceCheck } from '../../core/suite/index.ts'
import type { AccountSource } from '../account/account-problems.ts'
import { loadAccountSource } from '../account/load-snapshot.ts'
import { keyTypesOf, loadCatalog } from '../catalog/load-key-types.ts'
import { colorWanted, palette } from '../colors.ts'
import { fixturePolicies, statementFinder, statementLocator } from '../coverage/fixture-policies.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import { parseContextArgs } from '../explain/context-args.ts'
import { buildExplainCheck, emptySuite } from '../explain/explain-request.ts'
import { formatExplanation } from '../explain/format-explanation.ts'
import { findSuiteFiles } from '../files/find-suite-files.ts'
import { loadSuiteFile } from '../files/load-suite-files.ts'
import { formatIssues } from '../format/issues.ts'
import type { CliIo } from '../io.ts'

/** Options of `iamspec explain` */
export interface ExplainCommandOptions {
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly context: readonly string[]
  readonly via: readonly string[]
  readonly suite?: string
  readonly snapshot?: string
}

/** Runs `iamspec explain` and returns the exit code */
export const explainCommand = async (options: ExplainCommandOptions, io: CliIo): Promise<ExitCode> => {
  const err = palette(colorWanted(io.env, io.stderrIsTty))
  const out = palette(colorWanted(io.env, io.stdoutIsTty))
  const fail = (message: string): ExitCode => {
    io.err(`${err.red('error:')} ${message}\n`)
    return EXIT.invalid
  }
  const context = parseContextArgs(options.context)
  if (!context.ok) return fail(context.message)

  let suite: LoadedSuite = emptySuite()
  if (options.suite !== undefined) {
    const found = findSuiteFiles([options.suite], io.cwd)
    const file = found.files[0]
    if (found.problems.length > 0 || !file)
      return fail(found.problems[0] ?? `\`${options.suite}\` has no suite`)
    if (found.files.length > 1)
      return fail(`\`--suite\` takes one suite file; \`${options.suite}\` holds ${found.files.length}`)
    const loaded = loadSuiteFile(file)
    if (loaded.issues.some((i) => i.severity === 'error') || !loaded.suites[0]) {
      io.err(formatIssues(loaded.issues, err))
      return EXIT.invalid
    }
    suite = loaded.suites[0]
  }
  let account: AccountSource | undefined
  if (options.snapshot !== undefined) {
    const source = await loadAccountSource(io.cwd, options.snapshot)
    if (!source.ok) {
      io.err(formatIssues(source.issues, err))
      return EXIT.invalid
    }
    if (source.warnings?.length) io.err(formatIssues(source.warnings, err))
    account = source.value
  }
  const catalog = await loadCatalog().catch(() => undefined)
  const built = buildExplainCheck(
    suite,
    {
      principal: options.principal,
      action: options.action,
      resource: options.resource,
      context: context.value,
      via: options.via,
    },
    { resolver: account?.resolver, keyTypes: catalog ? keyTypesOf(catalog) : undefined },
  )
  if (!built.ok) return fail(built.message)
  const traced = traceCheck(built.check, 'full')
  if ('error' in traced) return fail(traced.error)
  const locate = statementLocator(statementFinder(fixturePolicies(built.suite, account?.resolver)))
  io.out(formatExplanation(built.check, traced, locate, out))
  return EXIT.ok
}
