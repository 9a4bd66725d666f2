/**
 * Issues as the API shows them: `{ code, message, path, line?, column?, file?, severity }` with a
 * 1-based line and column in place of the span.
 * @module
 */
import type { Issue } from '../../core/policy/index.ts'

/** An issue in an API error body */
export interface ApiIssue {
  readonly code: string
  readonly message: string
  readonly path: string
  readonly line?: number
  readonly column?: number
  readonly file?: string
  readonly severity: 'error' | 'warning'
}

/** Converts an issue for the API (spans without a position are left out) */
export const toApiIssue = (issue: Issue): ApiIssue => ({
  code: issue.code,
  message: issue.message,
  path: issue.path,
  ...(issue.span && issue.span.line > 0 ? { line: issue.span.line, column: issue.span.column } : {}),
  ...(issue.file ? { file: issue.file } : {}),
  severity: issue.severity,
})
