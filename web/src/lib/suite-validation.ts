/**
 * Validating suite text in the browser with the very loader the CLI and the API use (core/suite is
 * pure). Loaded on demand: it brings zod, yaml and the policy parser with it.
 * @module
 */
import { loadSuite } from '../../../core/suite/index.ts'

/** A problem at a place in the text (1-based; line 0 when the problem has no position) */
export interface EditorIssue {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly path: string
  readonly message: string
  readonly severity: 'error' | 'warning'
}

/** What validation found */
export interface SuiteValidation {
  readonly issues: readonly EditorIssue[]
  /** The suite's id, cases and checks when the text is valid */
  readonly suiteId?: string
  readonly cases?: number
  readonly checks?: number
  /** Principal names, for the what-if check */
  readonly principals?: readonly string[]
}

/** Validates suite text as `fileName` (its extension picks YAML or JSON unless `format` is given) */
export const validateSuiteText = (
  text: string,
  fileName: string,
  format?: 'yaml' | 'json',
): SuiteValidation => {
  const result = loadSuite(text, { fileName, ...(format ? { format } : {}) })
  const issues = (result.ok ? (result.warnings ?? []) : result.issues).map(
    (i): EditorIssue => ({
      line: i.span?.line ?? 0,
      column: i.span?.column ?? 0,
      endLine: i.span?.endLine ?? i.span?.line ?? 0,
      path: i.path,
      message: i.message,
      severity: i.severity,
    }),
  )
  if (!result.ok) return { issues }
  const suite = result.value
  return {
    issues,
    suiteId: suite.id,
    cases: suite.cases.length,
    checks: suite.cases.reduce((n, c) => n + c.actions.length * c.resources.length, 0),
    principals: [...suite.principals.keys()],
  }
}
