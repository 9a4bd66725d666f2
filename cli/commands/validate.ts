/**
 * `iamspec validate [paths...]`: checks suite files against the schema and their policies against
 * IAM's grammar, listing every problem as `file:line:column path: message`, then lints every policy
 * (unknown actions and condition keys from the catalog, size quotas, broad wildcards) as warnings.
 * Policy files given by name (not `*.iamspec.*`) are validated as standalone policies of `--kind`.
 * Exit 2 on errors (and on warnings with `--strict`), else 0.
 * @module
 */
import type { IamCatalog } from '../../core/catalog/types.ts'
import { type Issue, type PolicyKind, parsePolicyText } from '../../core/policy/index.ts'
import { lintPolicy } from '../../core/policy/lint/index.ts'
import type { LoadedSuite } from '../../core/suite/index.ts'
import { loadCatalog } from '../catalog/load-key-types.ts'
import { colorWanted, palette } from '../colors.ts'
import { type FixturePolicy, suitePolicies } from '../coverage/fixture-policies.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import { type FoundFile, findSuiteFiles, SUITE_FILE_PATTERN } from '../files/find-suite-files.ts'
import { loadSuiteFiles, readTextFile } from '../files/load-suite-files.ts'
import { formatIssues } from '../format/issues.ts'
import type { CliIo } from '../io.ts'

/** The kinds `--kind` accepts */
export const POLICY_KIND_CHOICES = [
  'identity',
  'resource',
  'trust',
  'boundary',
  'scp',
  'rcp',
  'session',
  'endpoint',
] as const satisfies readonly PolicyKind[]

/** Options of `iamspec validate` */
export interface ValidateCommandOptions {
  /** The kind of standalone policy files */
  readonly kind: PolicyKind
  /** Warnings fail validation too */
  readonly strict: boolean
}

/** Places a lint finding of a suite's policy: inline documents nest under the reference's path */
const placeLintIssue = (fixture: FixturePolicy, issue: Issue): Issue => {
  const base = `${fixture.path}.document`
  const path = !fixture.inline ? issue.path : issue.path === '' ? base : `${base}.${issue.path}`
  return { ...issue, path, file: issue.file ?? fixture.file }
}

/** Lint findings for every policy of a suite */
export const lintSuite = (suite: LoadedSuite, catalog: IamCatalog | undefined): Issue[] =>
  suitePolicies(suite).flatMap((fixture) => {
    const text = 'source' in fixture.policy ? String(fixture.policy.source) : undefined
    return lintPolicy(fixture.policy.document, { kind: fixture.kind, text }, catalog).map((issue) =>
      placeLintIssue(fixture, issue),
    )
  })

/** Validates and lints one standalone policy file */
export const validatePolicyFile = (
  file: FoundFile,
  kind: PolicyKind,
  catalog: IamCatalog | undefined,
): Issue[] => {
  const text = readTextFile(file.absolute)
  if (text === undefined) {
    return [
      {
        code: 'missing-reference',
        message: 'cannot read the file',
        path: '',
        file: file.display,
        severity: 'error',
      },
    ]
  }
  const parsed = parsePolicyText(text, kind)
  const withFile = (issues: readonly Issue[]) => issues.map((i) => ({ ...i, file: i.file ?? file.display }))
  if (!parsed.ok) return withFile(parsed.issues)
  return withFile([...(parsed.warnings ?? []), ...lintPolicy(parsed.value, { kind, text }, catalog)])
}

/** Orders issues by position within each file, files in the order they were first met */
export const byFileAndPosition = (issues: readonly Issue[]): Issue[] => {
  const fileOrder = new Map<string, number>()
  for (const i of issues) if (!fileOrder.has(i.file ?? '')) fileOrder.set(i.file ?? '', fileOrder.size)
  return issues
    .map((issue, at) => ({ issue, at }))
    .sort(
      (a, b) =>
        fileOrder.get(a.issue.file ?? '')! - fileOrder.get(b.issue.file ?? '')! ||
        (a.issue.span?.line ?? 0) - (b.issue.span?.line ?? 0) ||
        (a.issue.span?.column ?? 0) - (b.issue.span?.column ?? 0) ||
        a.at - b.at,
    )
    .map((x) => x.issue)
}

/** Runs `iamspec validate` and returns the exit code */
export const validateCommand = async (
  paths: readonly string[],
  options: ValidateCommandOptions,
  io: CliIo,
): Promise<ExitCode> => {
  const out = palette(colorWanted(io.env, io.stdoutIsTty))
  const err = palette(colorWanted(io.env, io.stderrIsTty))
  const found = findSuiteFiles(paths, io.cwd)
  if (found.problems.length > 0) {
    for (const problem of found.problems) io.err(`${err.red('error:')} ${problem}\n`)
    return EXIT.invalid
  }
  const suiteFiles = found.files.filter((f) => SUITE_FILE_PATTERN.test(f.absolute))
  const policyFiles = found.files.filter((f) => !SUITE_FILE_PATTERN.test(f.absolute))
  let catalog: IamCatalog | undefined
  try {
    catalog = await loadCatalog()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    io.err(
      `${err.yellow('warning:')} the IAM catalog could not be loaded (${reason}): unknown names are not checked\n`,
    )
  }
  const loaded = loadSuiteFiles(suiteFiles)
  const issues = byFileAndPosition([
    ...loaded.issues,
    ...loaded.suites.flatMap((s) => lintSuite(s, catalog)),
    ...policyFiles.flatMap((f) => validatePolicyFile(f, options.kind, catalog)),
  ])
  const errors = issues.filter((i) => i.severity === 'error').length
  const warnings = issues.length - errors
  io.out(formatIssues(issues, out))
  const files = found.files.length
  const what = `${files} file${files === 1 ? '' : 's'} (${suiteFiles.length} suite${suiteFiles.length === 1 ? '' : 's'}, ${policyFiles.length} polic${policyFiles.length === 1 ? 'y' : 'ies'})`
  if (errors > 0 || (options.strict && warnings > 0)) {
    io.out(
      `${out.bold(out.red('INVALID'))} ${what}${errors === 0 ? ': warnings fail with `--strict`' : ''}\n`,
    )
    return EXIT.invalid
  }
  const note = warnings > 0 ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''
  io.out(`${out.bold(out.green('VALID'))} ${what}${note}\n`)
  return EXIT.ok
}
