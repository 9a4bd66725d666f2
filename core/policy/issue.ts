/**
 * Problems found in user input, with where they are.
 * @module
 */
import type { Span } from './source-node.ts'

/** Stable codes for every problem a policy or suite can have */
export type IssueCode =
  | 'syntax'
  | 'duplicate-key'
  | 'unknown-element'
  | 'wrong-type'
  | 'missing-element'
  | 'conflicting-elements'
  | 'invalid-effect'
  | 'invalid-version'
  | 'principal-not-allowed'
  | 'not-principal-not-allowed'
  | 'invalid-principal'
  | 'unknown-operator'
  | 'invalid-condition'
  | 'invalid-action'
  | 'invalid-arn'
  | 'invalid-sid'
  | 'invalid-value'
  | 'unknown-key'
  | 'missing-reference'
  | 'unknown-principal'
  | 'duplicate-name'
  // lint findings (warnings)
  | 'unknown-action'
  | 'unknown-condition-key'
  | 'size-quota'
  | 'broad-wildcard'

/** A problem in a policy document or a suite: what, where (path and span) and how bad */
export interface Issue {
  readonly code: IssueCode
  readonly message: string
  /** Path from the document root, like `Statement[0].Condition.StringLike` */
  readonly path: string
  readonly span?: Span
  /** The file the span refers to, when known */
  readonly file?: string
  readonly severity: 'error' | 'warning'
}

/**
 * The outcome of something that can fail on bad input. A failure carries every issue (warnings included);
 * a success may carry warnings that did not stop it
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/** A place in a source as `file:line:column`; parts that are unknown (no file, no line) are left out */
export const formatPlace = (
  file: string | undefined,
  at: { readonly line: number; readonly column: number } | undefined,
): string => {
  const where = at && at.line > 0 ? `${at.line}:${at.column}` : ''
  return [file, where].filter(Boolean).join(':')
}

/** Formats an issue as `file:line:column path: message` */
export const formatIssue = (issue: Issue): string => {
  const location = formatPlace(issue.file, issue.span)
  const prefix = location ? `${location} ` : ''
  const path = issue.path ? `${issue.path}: ` : ''
  return `${prefix}${path}${issue.message}`
}
