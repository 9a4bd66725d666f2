/**
 * A run's outcome at a glance: one chip for the whole run, and the counts behind it.
 * @module
 */
import type { RunSummaryItem } from '../api/api-types.ts'
import { count } from '../lib/format.ts'
import { Chip, RunStatusChip } from './chips.tsx'
import { Icon, type IconName } from './icon.tsx'

/** The worst thing a run found, or its state while it is not finished */
export const RunOutcomeChip = ({ run }: { run: RunSummaryItem }) => {
  const s = run.summary
  if (run.status !== 'completed' || !s) return <RunStatusChip status={run.status} />
  if (s.errors > 0)
    return <Chip tone="bad" icon="error" label={`${count(s.errors)} error${s.errors === 1 ? '' : 's'}`} />
  if (s.failed > 0) return <Chip tone="bad" icon="cross" label={`${count(s.failed)} failed`} />
  if (s.divergent > 0) return <Chip tone="warn" icon="warn" label={`${count(s.divergent)} divergent`} />
  return <Chip tone="ok" icon="check" label="all passed" />
}

/** Passed, failed, divergent and error counts, each with its icon and a label for screen readers */
export const SummaryCounts = ({ run }: { run: RunSummaryItem }) => {
  const s = run.summary
  if (!s) return <span class="dim">{run.status === 'failed' ? 'no results' : 'pending'}</span>
  const items: [string, IconName, number, string][] = [
    ['ok', 'check', s.passed, 'passed'],
    ['bad', 'cross', s.failed, 'failed'],
    ['warn', 'warn', s.divergent, 'divergent'],
    ['bad', 'error', s.errors, 'errors'],
  ]
  return (
    <span class="counts">
      {items.map(([tone, icon, n, label]) => (
        <span key={label} class={`count count-${n > 0 ? tone : 'zero'}`} title={`${count(n)} ${label}`}>
          <Icon name={icon} />
          {count(n)}
          <span class="sr-only"> {label}</span>
        </span>
      ))}
    </span>
  )
}
