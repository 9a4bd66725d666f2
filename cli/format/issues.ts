/**
 * Printing problems found in input (suites, policies, options): `file:line:column path: message`,
 * warnings marked as such, then a count.
 * @module
 */
import { formatIssue, type Issue } from '../../core/policy/index.ts'
import type { Palette } from '../colors.ts'

/** One issue line, as formatIssue writes it (`file:line:column path: message`); warnings marked after it */
export const issueLine = (issue: Issue, c: Palette): string => {
  const text = formatIssue(issue)
  return issue.severity === 'warning' ? `${text} ${c.yellow(`(warning: ${issue.code})`)}` : c.red(text)
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Every issue, one per line, then a count line; empty for no issues */
export const formatIssues = (issues: readonly Issue[], c: Palette): string => {
  if (issues.length === 0) return ''
  const errors = issues.filter((i) => i.severity === 'error').length
  const warnings = issues.length - errors
  const files = new Set(issues.map((i) => i.file ?? '')).size
  const parts = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : '']
  const tally = `${parts.filter(Boolean).join(' and ')} in ${count(files, 'file')}`
  return `${issues.map((i) => issueLine(i, c)).join('\n')}\n${c.bold(tally)}\n`
}
