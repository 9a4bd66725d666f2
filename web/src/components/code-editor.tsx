/**
 * A plain textarea with line numbers, problem markers in the gutter and a band behind each line with
 * a problem; no editor library. The problem list under it says the same in words, by line:column,
 * and jumps to the place.
 * @module
 */
import { useMemo, useRef } from 'preact/hooks'
import type { EditorIssue } from '../lib/suite-validation.ts'
import { Icon } from './icon.tsx'

const LINE_HEIGHT = 20
const PAD = 8

/** The props of the editor */
export interface CodeEditorProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly issues: readonly EditorIssue[]
  /** The id of the element that describes the text's problems */
  readonly describedBy?: string
  readonly onSave?: () => void
  readonly rows?: number
  readonly placeholder?: string
}

/** Selects line `line` of the editor `id` and scrolls it into view */
export const focusLine = (id: string, line: number, column = 1): void => {
  const area = document.getElementById(id) as HTMLTextAreaElement | null
  if (!area) return
  const lines = area.value.split('\n')
  let start = 0
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i]!.length + 1
  const length = lines[line - 1]?.length ?? 0
  area.focus()
  area.setSelectionRange(start + Math.max(0, Math.min(column - 1, length)), start + length)
  area.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - area.clientHeight / 2)
}

/** The editor */
export const CodeEditor = (props: CodeEditorProps) => {
  const gutter = useRef<HTMLDivElement>(null)
  const backdrop = useRef<HTMLDivElement>(null)
  const lineCount = useMemo(() => props.value.split('\n').length, [props.value])
  const byLine = useMemo(() => {
    const map = new Map<number, { severity: 'error' | 'warning'; messages: string[] }>()
    for (const issue of props.issues) {
      if (issue.line <= 0) continue
      const entry = map.get(issue.line) ?? { severity: issue.severity, messages: [] }
      if (issue.severity === 'error') entry.severity = 'error'
      entry.messages.push(issue.message)
      map.set(issue.line, entry)
    }
    return map
  }, [props.issues])

  const onScroll = (event: Event): void => {
    const area = event.currentTarget as HTMLTextAreaElement
    const shift = `translate(${-area.scrollLeft}px, ${-area.scrollTop}px)`
    if (gutter.current) gutter.current.style.transform = `translateY(${-area.scrollTop}px)`
    if (backdrop.current) backdrop.current.style.transform = shift
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && props.onSave) {
      event.preventDefault()
      props.onSave()
    }
  }

  const numbers = []
  for (let line = 1; line <= lineCount; line++) {
    const mark = byLine.get(line)
    numbers.push(
      <div
        key={line}
        class={`gutter-line${mark ? ` gutter-${mark.severity}` : ''}`}
        title={mark ? mark.messages.join('\n') : undefined}
      >
        {mark && <Icon name={mark.severity === 'error' ? 'cross' : 'warn'} class="gutter-mark" />}
        {line}
      </div>,
    )
  }
  const errorLines = props.issues.some((i) => i.severity === 'error')
  return (
    <div class="editor" style={{ '--editor-rows': props.rows ?? 24 }}>
      <div class="editor-gutter" aria-hidden="true">
        <div ref={gutter} class="editor-gutter-inner" style={{ paddingTop: `${PAD}px` }}>
          {numbers}
        </div>
      </div>
      <div class="editor-code">
        <div class="editor-backdrop" aria-hidden="true">
          <div ref={backdrop}>
            {[...byLine.entries()].map(([line, mark]) => (
              <div
                key={line}
                class={`editor-band editor-band-${mark.severity}`}
                style={{ top: `${PAD + (line - 1) * LINE_HEIGHT}px` }}
              />
            ))}
          </div>
        </div>
        <textarea
          id={props.id}
          aria-label={props.label}
          aria-describedby={props.describedBy}
          aria-invalid={errorLines ? 'true' : undefined}
          class="editor-textarea"
          value={props.value}
          wrap="off"
          spellcheck={false}
          autocapitalize="off"
          autocomplete="off"
          placeholder={props.placeholder}
          onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  )
}

/** The problems of the text, each a button that jumps to its line */
export const ProblemList = ({
  id,
  editorId,
  issues,
  summary,
  pending,
}: {
  id: string
  editorId: string
  issues: readonly EditorIssue[]
  /** What a valid text contains (`3 cases, 12 checks`) */
  summary?: string
  pending?: boolean
}) => {
  const errors = issues.filter((i) => i.severity === 'error').length
  const warnings = issues.length - errors
  return (
    <div class="problems" id={id} aria-live="polite">
      <div class={`problems-head ${errors ? 'problems-bad' : warnings ? 'problems-warn' : 'problems-ok'}`}>
        {pending ? (
          <span class="dim">Loading the validator…</span>
        ) : errors ? (
          <>
            <Icon name="cross" />
            {errors} error{errors === 1 ? '' : 's'}
            {warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
          </>
        ) : (
          <>
            <Icon name="check" />
            Valid{summary ? ` — ${summary}` : ''}
            {warnings ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
          </>
        )}
      </div>
      {issues.length > 0 && (
        <ul class="problem-list">
          {issues.map((issue, i) => (
            <li key={i}>
              <button
                type="button"
                class={`problem problem-${issue.severity}`}
                onClick={() => issue.line > 0 && focusLine(editorId, issue.line, issue.column)}
                disabled={issue.line <= 0}
              >
                <Icon name={issue.severity === 'error' ? 'cross' : 'warn'} class="problem-icon" />
                <span class="sr-only">{issue.severity}</span>
                <span class="problem-where mono">
                  {issue.line > 0 ? `${issue.line}:${issue.column}` : '—'}
                </span>
                <span class="problem-text">
                  {issue.path && <span class="mono dim">{issue.path}: </span>}
                  {issue.message}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
