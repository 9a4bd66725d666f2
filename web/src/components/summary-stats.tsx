/**
 * A run's numbers as a row of cards: checks, passed, failed, divergent, errors and the pass rate.
 * With `onPick`, each card is a button that filters the check table to its status.
 * @module
 */
import type { RunSummary } from '../api/api-types.ts'
import { count, passRate, percent } from '../lib/format.ts'
import type { StatusFilter } from '../lib/results-filter.ts'
import { Icon, type IconName } from './icon.tsx'

type Card = readonly [label: string, value: number, tone: string, filter?: StatusFilter, icon?: IconName]

/** The summary cards of a run or a validation report */
export const SummaryStats = ({
  summary: s,
  onPick,
}: {
  summary: RunSummary
  /** Called with the card's status (undefined: every check) */
  onPick?: (status: StatusFilter | undefined) => void
}) => {
  const rate = passRate(s)
  const cards: readonly Card[] = [
    ['Checks', s.total, ''],
    ['Passed', s.passed, 'ok', undefined, 'check'],
    ['Failed', s.failed, 'bad', 'failed', 'cross'],
    ['Divergent', s.divergent, 'warn', 'divergent', 'warn'],
    ['Errors', s.errors, 'bad', 'error', 'error'],
  ]
  return (
    <div class="stat-row">
      {cards.map(([label, n, tone, filter, icon]) => {
        const body = (
          <>
            <span class="stat-label">
              {icon && <Icon name={icon} />}
              {label}
            </span>
            <span class="stat-value">{count(n)}</span>
          </>
        )
        const className = `stat ${n > 0 && tone ? `stat-${tone}` : ''}`
        return onPick ? (
          <button
            key={label}
            type="button"
            class={className}
            onClick={() => onPick(filter)}
            title={filter ? `Show ${label.toLowerCase()} checks` : 'Show every check'}
          >
            {body}
          </button>
        ) : (
          <div key={label} class={`${className} stat-static`}>
            {body}
          </div>
        )
      })}
      <div class="stat stat-static">
        <span class="stat-label">Pass rate</span>
        <span class="stat-value">{rate === undefined ? '—' : percent(rate)}</span>
        {s.skipped ? <span class="stat-note">{count(s.skipped)} not run (skip/only)</span> : null}
      </div>
    </div>
  )
}
