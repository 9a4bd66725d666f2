/**
 * Status chips: every status has an icon and a word, so none depends on colour alone.
 * @module
 */
import type { CheckResult, RunStatus } from '../api/api-types.ts'
import { Icon, type IconName } from './icon.tsx'

type Tone = 'ok' | 'bad' | 'warn' | 'muted' | 'info'

/** A chip: an icon (hidden from screen readers) and a label */
export const Chip = ({
  tone,
  icon,
  label,
  title,
}: {
  tone: Tone
  icon: IconName
  label: string
  title?: string
}) => (
  <span class={`chip chip-${tone}`} title={title}>
    <Icon name={icon} />
    {label}
  </span>
)

/** A check's status against `expect` */
export const CheckStatusChip = ({ status }: { status: CheckResult['status'] }) => {
  switch (status) {
    case 'passed':
      return <Chip tone="ok" icon="check" label="passed" />
    case 'failed':
      return <Chip tone="bad" icon="cross" label="failed" />
    case 'error':
      return <Chip tone="bad" icon="error" label="error" />
  }
}

/** The two engines disagree */
export const DivergentChip = ({ title }: { title?: string }) => (
  <Chip tone="warn" icon="warn" label="divergent" title={title} />
)

/** An engine did not model the check */
export const SkippedChip = ({ title }: { title?: string }) => (
  <Chip tone="muted" icon="skip" label="skipped" title={title} />
)

/** An engine's decision */
export const DecisionChip = ({ decision }: { decision: string }) => {
  switch (decision) {
    case 'allowed':
      return <Chip tone="ok" icon="check" label="allowed" />
    case 'explicitDeny':
      return <Chip tone="bad" icon="cross" label="explicit deny" />
    case 'implicitDeny':
      return <Chip tone="info" icon="minus" label="implicit deny" />
    default:
      return <Chip tone="muted" icon="info" label={decision} />
  }
}

/** What an engine said about a check: a decision, skipped, or nothing */
export const OutcomeChip = ({ outcome }: { outcome: CheckResult['local'] }) => {
  if (!outcome) return <span class="dim">—</span>
  if ('skipped' in outcome) return <SkippedChip title={outcome.skipped} />
  return <DecisionChip decision={outcome.decision} />
}

/** A run's state */
export const RunStatusChip = ({ status }: { status: RunStatus }) => {
  switch (status) {
    case 'queued':
      return <Chip tone="muted" icon="clock" label="queued" />
    case 'running':
      return <Chip tone="info" icon="running" label="running" />
    case 'completed':
      return <Chip tone="ok" icon="check" label="completed" />
    case 'failed':
      return <Chip tone="bad" icon="error" label="run failed" />
  }
}
