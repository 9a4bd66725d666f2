/**
 * The suite editor: its text's problems from validation as you type (the same loader as the CLI and
 * the API, see useSuiteValidation), plus those the API reported for the last save.
 * @module
 */
import type { ApiIssue } from '../api/api-types.ts'
import type { EditorIssue, SuiteValidation } from '../lib/suite-validation.ts'
import { CodeEditor, ProblemList } from './code-editor.tsx'

/** API issues as editor issues */
export const fromApiIssues = (issues: readonly ApiIssue[]): EditorIssue[] =>
  issues.map((i) => ({
    line: i.line ?? 0,
    column: i.column ?? 0,
    endLine: i.line ?? 0,
    path: i.path,
    message: i.message,
    severity: i.severity === 'warning' ? 'warning' : 'error',
  }))

/** The props of the suite editor */
export interface SuiteEditorProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  /** The text's validation (useSuiteValidation), undefined while the validator loads */
  readonly validation: SuiteValidation | undefined
  /** Problems the API found in `value` */
  readonly serverIssues?: readonly EditorIssue[]
  readonly onSave?: () => void
  readonly rows?: number
}

/** An editor for suite text, with inline problems */
export const SuiteEditor = (props: SuiteEditorProps) => {
  const { validation } = props
  const issues = [...(validation?.issues ?? []), ...(props.serverIssues ?? [])].sort(
    (a, b) =>
      (a.line || Number.MAX_SAFE_INTEGER) - (b.line || Number.MAX_SAFE_INTEGER) || a.column - b.column,
  )
  const summary =
    validation?.cases !== undefined
      ? `${validation.cases} case${validation.cases === 1 ? '' : 's'}, ${validation.checks} check${validation.checks === 1 ? '' : 's'}`
      : undefined
  return (
    <div class="suite-editor">
      <CodeEditor
        id={props.id}
        label={props.label}
        value={props.value}
        onInput={props.onInput}
        issues={issues}
        describedBy={`${props.id}-problems`}
        onSave={props.onSave}
        rows={props.rows}
      />
      <ProblemList
        id={`${props.id}-problems`}
        editorId={props.id}
        issues={issues}
        summary={summary}
        pending={!validation}
      />
    </div>
  )
}
