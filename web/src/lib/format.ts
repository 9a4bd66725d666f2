/**
 * Formatting for people: times, counts, triggers, ARNs.
 * @module
 */
import type { RunSummary, RunSummaryItem, Trigger } from '../api/api-types.ts'

const numberFormat = new Intl.NumberFormat('en-US')
const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** 10000 as `10,000` */
export const count = (n: number): string => numberFormat.format(n)

/** An ISO time as a full local date and time */
export const dateTime = (iso: string): string => dateFormat.format(new Date(iso))

/** An ISO time as `3 min ago`, `yesterday`, … (relative to `now`) */
export const relativeTime = (iso: string, now = Date.now()): string => {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000)
  if (!Number.isFinite(seconds)) return iso
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.round(hours / 24)
  if (days === 1) return 'yesterday'
  if (days < 30) return `${days} days ago`
  return dateFormat.format(new Date(iso))
}

/** How long a run took, as `1.2 s` or `3 min 4 s` */
export const runDuration = (run: RunSummaryItem): string | undefined => {
  if (!run.startedAt || !run.finishedAt) return undefined
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()
  if (!Number.isFinite(ms) || ms < 0) return undefined
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

const TRIGGER_TEXT: Readonly<Record<Trigger['kind'], string>> = {
  manual: 'manual',
  api: 'API',
  webhook: 'webhook',
  schedule: 'schedule',
  'iam-change': 'IAM change',
}

/** What started a run, as text */
export const triggerText = (trigger: Trigger): string =>
  `${TRIGGER_TEXT[trigger.kind] ?? trigger.kind}${trigger.detail ? ` · ${trigger.detail}` : ''}`

/** The share of passed checks, 0–100, or undefined for an empty run */
export const passRate = (summary: RunSummary): number | undefined => {
  const judged = summary.passed + summary.failed + summary.errors
  return judged === 0 ? undefined : (summary.passed / judged) * 100
}

/** A percentage with at most one decimal */
export const percent = (value: number): string =>
  `${value >= 99.95 || value < 0.05 ? value.toFixed(0) : value.toFixed(1)}%`

const DECISION_TEXT: Readonly<Record<string, string>> = {
  allowed: 'allowed',
  explicitDeny: 'explicit deny',
  implicitDeny: 'implicit deny',
}

/** A decision as words (`implicitDeny` as `implicit deny`) */
export const decisionText = (decision: string | undefined): string =>
  decision === undefined ? 'nothing' : (DECISION_TEXT[decision] ?? decision)

/** The short form of an ARN: what follows the account (`role/DataReader`, `data-bucket/reports/*`) */
export const shortArn = (arn: string): string => {
  if (!arn.startsWith('arn:')) return arn
  const parts = arn.split(':')
  return parts.slice(5).join(':') || arn
}
