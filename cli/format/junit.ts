/**
 * The `junit` report: JUnit XML as GitHub Actions reporters, GitLab and Jenkins read it. One
 * <testsuite> per suite, one <testcase> per check (classname = suite id, name = case, action and
 * resource); failures carry the expected and actual decisions and the explanation, errors are
 * <error>, checks of skipped cases are <skipped/>.
 * @module
 */
import type { CheckResult } from '../../core/suite/index.ts'
import { divergenceLines } from './divergence.ts'
import {
  decidingLocation,
  explanationOf,
  judgedDecision,
  type ReportView,
  type SkippedCheck,
} from './report-view.ts'
import { escapeXmlText, xmlAttributes } from './xml.ts'

/** A testcase's name: the case, then the action and resource in brackets */
export const testcaseName = (check: Pick<CheckResult, 'case' | 'action' | 'resource'>): string =>
  `${check.case} [${check.action} ${check.resource}]`

const seconds = (ms: number): string => (ms / 1000).toFixed(3)

const decisionOf = (outcome: CheckResult['local']): string | undefined =>
  outcome && 'decision' in outcome ? outcome.decision : undefined

const failureBody = (view: ReportView, i: number): string => {
  const r = view.report.results[i]!
  const lines = [
    `expected: ${r.expected}`,
    `actual: ${judgedDecision(r, view.judge)?.decision ?? 'no decision'} (${view.judge} engine)`,
    `principal: ${r.principal}`,
    `action: ${r.action}`,
    `resource: ${r.resource}`,
  ]
  const why = explanationOf(view, i)
  if (why) lines.push(`why: ${why}`)
  const where = decidingLocation(view, i)
  if (where) lines.push(`deciding statement: ${where}`)
  if (r.divergent) {
    lines.push(`divergent: local ${decisionOf(r.local)}, aws ${decisionOf(r.aws)}`)
    lines.push(...divergenceLines(view, i))
  }
  return lines.join('\n')
}

const testcase = (view: ReportView, i: number, file: string | undefined): string => {
  const r = view.report.results[i]!
  const open = `    <testcase${xmlAttributes({ classname: r.suite, name: testcaseName(r), file })}`
  if (r.status === 'error') {
    const message = r.message ?? 'the check could not be evaluated'
    return `${open}>\n      <error${xmlAttributes({ message, type: 'error' })}>${escapeXmlText(message)}</error>\n    </testcase>`
  }
  if (r.status === 'failed') {
    const actual = judgedDecision(r, view.judge)?.decision ?? 'no decision'
    const message = `expected ${r.expected}, got ${actual}`
    return `${open}>\n      <failure${xmlAttributes({ message, type: actual })}>${escapeXmlText(failureBody(view, i))}</failure>\n    </testcase>`
  }
  if (r.divergent) {
    const message = `engines diverge: local ${decisionOf(r.local)}, aws ${decisionOf(r.aws)}${r.divergenceCause ? ` (${r.divergenceCause})` : ''}`
    const element = view.failOnDivergence
      ? `<failure${xmlAttributes({ message, type: 'divergent' })}>${escapeXmlText(failureBody(view, i))}</failure>`
      : `<system-out>${escapeXmlText([message, ...divergenceLines(view, i)].join('\n'))}</system-out>`
    return `${open}>\n      ${element}\n    </testcase>`
  }
  if (r.aws && 'skipped' in r.aws)
    return `${open}>\n      <system-out>${escapeXmlText(`aws skipped (not a failure): ${r.aws.skipped}`)}</system-out>\n    </testcase>`
  return `${open}/>`
}

const skippedCase = (s: SkippedCheck, file: string | undefined): string =>
  `    <testcase${xmlAttributes({ classname: s.suite, name: testcaseName(s), file })}>\n      <skipped${xmlAttributes({ message: s.reason })}/>\n    </testcase>`

interface Counts {
  tests: number
  failures: number
  errors: number
  skipped: number
}

/** The whole JUnit XML document, ending with a newline */
export const formatJunit = (view: ReportView): string => {
  const bySuite = new Map<string, number[]>()
  view.report.results.forEach((r, i) => {
    bySuite.set(r.suite, [...(bySuite.get(r.suite) ?? []), i])
  })
  const suiteIds = [
    ...new Set([...view.suiteFiles.keys(), ...bySuite.keys(), ...view.skipped.map((s) => s.suite)]),
  ]
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  const blocks = suiteIds.map((suite) => {
    const file = view.suiteFiles.get(suite)
    const indexes = bySuite.get(suite) ?? []
    const skipped = view.skipped.filter((s) => s.suite === suite)
    const counts: Counts = {
      tests: indexes.length + skipped.length,
      failures: indexes.filter((i) => {
        const r = view.report.results[i]!
        return r.status === 'failed' || (r.status === 'passed' && view.failOnDivergence && r.divergent)
      }).length,
      errors: indexes.filter((i) => view.report.results[i]!.status === 'error').length,
      skipped: skipped.length,
    }
    total.tests += counts.tests
    total.failures += counts.failures
    total.errors += counts.errors
    total.skipped += counts.skipped
    const attributes = xmlAttributes({
      name: suite,
      ...counts,
      time: seconds(view.suiteDurations.get(suite) ?? 0),
      file,
    })
    const cases = [
      ...indexes.map((i) => testcase(view, i, file)),
      ...skipped.map((s) => skippedCase(s, file)),
    ]
    return cases.length > 0
      ? `  <testsuite${attributes}>\n${cases.join('\n')}\n  </testsuite>`
      : `  <testsuite${attributes}/>`
  })
  const root = xmlAttributes({ name: 'iamspec', ...total, time: seconds(view.durationMs) })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${blocks.join('\n')}${blocks.length ? '\n' : ''}</testsuites>\n`
}
