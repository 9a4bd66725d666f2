/**
 * The check table: case, principal, action, resource, expected, local, AWS and status, one row per
 * check, virtualized. On a narrow screen each row becomes a two-line card. Each row's case is a link
 * (Tab reaches it, Enter opens the check); a click anywhere on the row opens it too.
 * @module
 */
// biome-ignore-all lint/a11y/useSemanticElements: virtualized rows are positioned divs, so the table semantics are ARIA roles
// biome-ignore-all lint/a11y/useFocusableInteractive: row and columnheader are not interactive in a table (role=table, not grid)
import type { CheckResult } from '../api/api-types.ts'
import { count, shortArn } from '../lib/format.ts'
import { NARROW, useMedia } from '../lib/use-media.ts'
import { CheckStatusChip, DivergentChip, OutcomeChip } from './chips.tsx'
import { type RowAttrs, VirtualRows } from './virtual-rows.tsx'

const EXPECTED_TEXT: Readonly<Record<string, string>> = {
  allowed: 'allowed',
  denied: 'denied',
  explicitDeny: 'explicit deny',
  implicitDeny: 'implicit deny',
}

/** The text of an expectation */
export const expectedText = (expected: string): string => EXPECTED_TEXT[expected] ?? expected

/** The props of the check table */
export interface ResultsTableProps {
  readonly results: readonly CheckResult[]
  /** Indexes into `results` of the rows to show, in order */
  readonly indexes: readonly number[]
  /** The link of a row (by its index in `results`); rows without links are plain rows */
  readonly hrefFor?: (index: number) => string
  readonly label: string
  readonly initialScrollTop?: number
  readonly onScrollTopChange?: (top: number) => void
  readonly maxHeight?: string
}

const StatusCell = ({ r }: { r: CheckResult }) => (
  <span class="status-cell">
    <CheckStatusChip status={r.status} />
    {r.divergent && <DivergentChip title={r.divergenceCause} />}
  </span>
)

/** Opens a row's check on a click outside its link (the link handles its own clicks) */
const openRow = (event: MouseEvent, href: string): void => {
  if ((event.target as HTMLElement).closest('a')) return
  window.location.hash = href
}

/** Renders check results as a virtual table */
export const ResultsTable = (props: ResultsTableProps) => {
  const narrow = useMedia(NARROW)
  const { results, indexes, hrefFor } = props
  const rowHeight = narrow ? 104 : 38
  const renderRow = (position: number, attrs: RowAttrs) => {
    const index = indexes[position]!
    const r = results[index]!
    const href = hrefFor?.(index)
    const caseCell = (
      <span role="cell" class="rt-case" title={r.case}>
        {href ? (
          <a href={href} class="rt-link">
            {r.case}
          </a>
        ) : (
          r.case
        )}
      </span>
    )
    const cells = narrow ? (
      <>
        {caseCell}
        <span role="cell" class="rt-status">
          <StatusCell r={r} />
        </span>
        <span role="cell" class="rt-request mono" title={`${r.principal} ${r.action} ${r.resource}`}>
          {shortArn(r.principal)} · {r.action} · {shortArn(r.resource)}
        </span>
        <span role="cell" class="rt-expected">
          <span class="rt-label">expected</span> {expectedText(r.expected)}
        </span>
        <span role="cell" class="rt-engines">
          <span class="rt-label">local</span> <OutcomeChip outcome={r.local} />
          <span class="rt-label">AWS</span> <OutcomeChip outcome={r.aws} />
        </span>
      </>
    ) : (
      <>
        {caseCell}
        <span role="cell" class="mono" title={r.principal}>
          {shortArn(r.principal)}
        </span>
        <span role="cell" class="mono" title={r.action}>
          {r.action}
        </span>
        <span role="cell" class="mono" title={r.resource}>
          {shortArn(r.resource)}
        </span>
        <span role="cell">{expectedText(r.expected)}</span>
        <span role="cell">
          <OutcomeChip outcome={r.local} />
        </span>
        <span role="cell">
          <OutcomeChip outcome={r.aws} />
        </span>
        <span role="cell">
          <StatusCell r={r} />
        </span>
      </>
    )
    const className = `rt-row${href ? ' rt-row-link' : ''}${r.status !== 'passed' ? ' rt-row-bad' : r.divergent ? ' rt-row-warn' : ''}`
    return (
      // the row's link is the keyboard path; the click is a convenience for the pointer
      // biome-ignore lint/a11y/useKeyWithClickEvents: the case link in the row handles Enter
      <div
        key={index}
        role="row"
        class={className}
        tabIndex={-1}
        onClick={href ? (e) => openRow(e, href) : undefined}
        {...attrs}
      >
        {cells}
      </div>
    )
  }
  return (
    <div
      class={`rt ${narrow ? 'rt-narrow' : ''}`}
      role="table"
      aria-label={props.label}
      aria-rowcount={indexes.length + 1}
    >
      <div role="rowgroup" class="rt-head">
        <div role="row" class="rt-row rt-header" aria-rowindex={1}>
          {narrow ? (
            <>
              <span role="columnheader">Case</span>
              <span role="columnheader">Status</span>
            </>
          ) : (
            ['Case', 'Principal', 'Action', 'Resource', 'Expected', 'Local', 'AWS', 'Status'].map((h) => (
              <span key={h} role="columnheader">
                {h}
              </span>
            ))
          )}
        </div>
      </div>
      {indexes.length === 0 ? (
        <p class="empty">No checks match these filters.</p>
      ) : (
        <VirtualRows
          count={indexes.length}
          rowHeight={rowHeight}
          maxHeight={props.maxHeight ?? 'min(70vh, 760px)'}
          renderRow={renderRow}
          initialScrollTop={props.initialScrollTop}
          onScrollTopChange={props.onScrollTopChange}
        />
      )}
      <p class="rt-foot dim" aria-live="polite">
        {count(indexes.length)} of {count(results.length)} checks shown
      </p>
    </div>
  )
}
