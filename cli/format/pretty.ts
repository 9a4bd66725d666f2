/**
 * The `pretty` report: one line per failing, erroring or divergent check (expected vs actual, why,
 * and where the deciding statement is), then a summary line. Colours come from the palette.
 * @module
 */
import type { CheckResult, RunSummary } from '../../core/suite/index.ts'
import type { Palette } from '../colors.ts'
import { awsSkips, divergenceLines } from './divergence.ts'
import {
  checkLabel,
  decidingLocation,
  explanationOf,
  judgedDecision,
  type ReportView,
} from './report-view.ts'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Formats milliseconds for people: `850 ms`, `1.24 s` */
export const formatDuration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`

const otherEngine = (result: CheckResult): string => {
  const local = result.local && 'decision' in result.local ? result.local.decision : undefined
  const aws = result.aws && 'decision' in result.aws ? result.aws.decision : undefined
  return `local ${local ?? 'n/a'}, aws ${aws ?? 'n/a'}`
}

/** The line for one check that needs attention, or undefined for a clean pass */
export const checkLine = (view: ReportView, i: number, c: Palette): string | undefined => {
  const result = view.report.results[i]!
  const label = checkLabel(result)
  const sides = result.divergent
    ? divergenceLines(view, i)
        .map((l) => `\n    ${c.dim(l)}`)
        .join('')
    : ''
  if (result.status === 'error') return `${c.red('ERROR')} ${label}: ${result.message ?? 'the check failed'}`
  const divergence = result.divergent
    ? ` ${c.yellow('[divergent:')} ${otherEngine(result)}${result.divergenceCause ? `, ${result.divergenceCause}` : ''}${c.yellow(']')}${sides}`
    : ''
  if (result.status === 'failed') {
    const actual = judgedDecision(result, view.judge)?.decision ?? 'no decision'
    const why = explanationOf(view, i)
    const where = decidingLocation(view, i)
    return (
      `${c.red('FAIL')} ${label}: expected ${c.bold(result.expected)}, got ${c.bold(actual)}` +
      `${why ? ` (${why})` : ''}${where ? c.dim(` at ${where}`) : ''}${divergence}`
    )
  }
  if (result.divergent) {
    const tag = view.failOnDivergence ? c.red('DIVERGENT') : c.yellow('DIVERGENT')
    return `${tag} ${label}: ${otherEngine(result)}${result.divergenceCause ? ` (${result.divergenceCause})` : ''}${sides}`
  }
  return undefined
}

/** The summary line: counts, then checks, suites and time */
export const summaryLine = (
  summary: RunSummary,
  info: { suites: number; durationMs: number; failOnDivergence: boolean },
  c: Palette,
): string => {
  const bad = summary.failed > 0 || summary.errors > 0 || (info.failOnDivergence && summary.divergent > 0)
  const parts = [
    summary.failed > 0 ? c.red(`${summary.failed} failed`) : undefined,
    c.green(`${summary.passed} passed`),
    summary.errors > 0 ? c.red(plural(summary.errors, 'error')) : undefined,
    summary.divergent > 0
      ? (info.failOnDivergence ? c.red : c.yellow)(`${summary.divergent} divergent`)
      : undefined,
    summary.skipped ? c.dim(`${summary.skipped} skipped`) : undefined,
  ].filter((p): p is string => p !== undefined)
  const head = bad ? c.bold(c.red('FAILED')) : c.bold(c.green('PASSED'))
  const scope = `${plural(summary.total, 'check')} in ${plural(info.suites, 'suite')}, ${formatDuration(info.durationMs)}`
  return `${head} ${parts.join(', ')} ${c.dim(`(${scope})`)}`
}

/** The whole pretty report, ending with a newline */
export const formatPretty = (view: ReportView, c: Palette): string => {
  const lines: string[] = []
  view.report.results.forEach((_, i) => {
    const line = checkLine(view, i, c)
    if (line !== undefined) lines.push(line)
  })
  const skips = awsSkips(view.report.results)
  if (skips.count > 0) {
    const reasons = skips.reasons.map(([reason, n]) => `${n} × ${reason}`).join('; ')
    lines.push(
      c.dim(
        `aws skipped ${plural(skips.count, 'check')} the simulator cannot model (not failures): ${reasons}`,
      ),
    )
  }
  if (lines.length > 0) lines.push('')
  lines.push(
    summaryLine(
      view.report.summary,
      {
        suites: view.suiteFiles.size,
        durationMs: view.durationMs,
        failOnDivergence: view.failOnDivergence,
      },
      c,
    ),
  )
  return `${lines.join('\n')}\n`
}
