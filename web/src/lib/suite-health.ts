/**
 * What a suite's last run says about it, as one word the suites list can filter on.
 * @module
 */
import type { RunSummaryItem } from '../api/api-types.ts'

/** A suite's health by its last run */
export type SuiteHealth = 'failing' | 'divergent' | 'error' | 'passing' | 'running' | 'never-run'

/** Every health, in the order the filter lists them */
export const SUITE_HEALTHS: readonly { readonly value: SuiteHealth; readonly label: string }[] = [
  { value: 'failing', label: 'Failing' },
  { value: 'divergent', label: 'Divergent' },
  { value: 'error', label: 'Errors' },
  { value: 'passing', label: 'Passing' },
  { value: 'running', label: 'Running' },
  { value: 'never-run', label: 'Never run' },
]

/** The health of a suite whose newest run is `run` */
export const healthOf = (run: RunSummaryItem | undefined): SuiteHealth => {
  if (!run) return 'never-run'
  if (run.status === 'queued' || run.status === 'running') return 'running'
  if (run.status === 'failed' || !run.summary) return 'error'
  if (run.summary.errors > 0) return 'error'
  if (run.summary.failed > 0) return 'failing'
  if (run.summary.divergent > 0) return 'divergent'
  return 'passing'
}
