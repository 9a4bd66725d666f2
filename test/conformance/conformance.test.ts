/**
 * The conformance corpus: every `*.iamspec.yaml` under test/conformance is loaded with the suite loader
 * and run on the local evaluator; each check becomes one test that must pass.
 * The expectations come from the AWS documentation (the URL is above each case group in the suites).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatIssue } from '../../core/policy/issue.ts'
import { type CheckResult, isDecision, loadSuite, runSuite } from '../../core/suite/index.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const MIN_CHECKS = 300

/** Every file below `dir` whose name ends with `suffix`, sorted */
const findFiles = (dir: string, suffix: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return findFiles(path, suffix)
      return entry.isFile() && entry.name.endsWith(suffix) ? [path] : []
    })
    .sort()

/** Reads a `file:` reference relative to the suite file; undefined when it does not exist */
const readerFor =
  (suitePath: string) =>
  (relativePath: string): string | undefined => {
    try {
      return readFileSync(join(dirname(suitePath), relativePath), 'utf8')
    } catch {
      return undefined
    }
  }

/** A failure message: what was expected, what the evaluator decided, and why */
const explain = (result: CheckResult): string => {
  const lines = [`expected ${result.expected}, status ${result.status}`]
  if (result.message) lines.push(`message: ${result.message}`)
  const local = result.local
  if (local === undefined) lines.push('local: no outcome')
  else if (!isDecision(local)) lines.push(`local: skipped (${local.skipped})`)
  else {
    lines.push(`local: ${local.decision}`)
    if (local.hop) lines.push(`refused at hop ${local.hop.index} (${local.hop.role})`)
    for (const s of local.matchedStatements) {
      const type = s.policyType ? `${s.policyType} ` : ''
      lines.push(`  reason: ${type}${s.policy} #${s.index}${s.sid ? ` (${s.sid})` : ''} ${s.effect}`)
    }
    if (local.missingContextKeys.length > 0)
      lines.push(`  missing keys: ${local.missingContextKeys.join(', ')}`)
  }
  return lines.join('\n')
}

interface SuiteRun {
  readonly file: string
  readonly issues: readonly string[]
  readonly results: readonly CheckResult[]
}

const runs: SuiteRun[] = await Promise.all(
  findFiles(HERE, '.iamspec.yaml').map(async (path): Promise<SuiteRun> => {
    const file = relative(HERE, path)
    const loaded = loadSuite(readFileSync(path, 'utf8'), { fileName: file, readFile: readerFor(path) })
    if (!loaded.ok) return { file, issues: loaded.issues.map(formatIssue), results: [] }
    const report = await runSuite(loaded.value)
    return { file, issues: [], results: report.results }
  }),
)

/** An invalid suite and the issue code the loader must report for it (its `# expect-issue:` line) */
interface InvalidCase {
  readonly file: string
  readonly expected: string | undefined
  readonly codes: readonly string[]
  readonly messages: readonly string[]
}

const invalid: InvalidCase[] = findFiles(HERE, '.invalid.yaml').map((path) => {
  const file = relative(HERE, path)
  const text = readFileSync(path, 'utf8')
  const expected = /^# expect-issue: *([a-z-]+)/m.exec(text)?.[1]
  const loaded = loadSuite(text, { fileName: file })
  if (loaded.ok) return { file, expected, codes: [], messages: [] }
  return { file, expected, codes: loaded.issues.map((i) => i.code), messages: loaded.issues.map(formatIssue) }
})

describe('conformance corpus', () => {
  it('has at least 300 checks', () => {
    const total = runs.reduce((n, run) => n + run.results.length, 0)
    expect(total).toBeGreaterThanOrEqual(MIN_CHECKS)
  })

  for (const bad of invalid) {
    it(`${bad.file} › is rejected with ${bad.expected ?? 'an issue'}`, () => {
      expect(bad.expected, 'the file needs an `# expect-issue: <code>` line').toBeDefined()
      const found = bad.messages.length > 0 ? bad.messages.join('\n') : 'the suite loaded without issues'
      expect(bad.codes, found).toContain(bad.expected)
    })
  }

  for (const run of runs) {
    describe(run.file, () => {
      if (run.issues.length > 0) {
        it(`${run.file} › loads`, () => {
          expect.fail(`the suite does not load:\n${run.issues.join('\n')}`)
        })
        return
      }
      for (const result of run.results) {
        it(`${run.file} › ${result.case} › ${result.action} ${result.resource}`, () => {
          expect(result.status, explain(result)).toBe('passed')
        })
      }
    })
  }
})
