/**
 * The shapes of docs/api.md, as the dashboard reads them. CheckResult and RunReport are the run
 * report's own types (type-only imports: nothing of core reaches the bundle from here).
 * @module
 */
import type { CheckResult, RunReport, RunSummary } from '../../../core/suite/index.ts'

export type { CheckResult, RunReport, RunSummary }

/** A suite in the list */
export interface SuiteSummary {
  readonly id: string
  readonly version: number
  readonly description?: string
  readonly tags: readonly string[]
  readonly updatedAt: string
  readonly lastRun?: RunSummaryItem
}

/** A suite with its current body */
export interface SuiteDetail extends SuiteSummary {
  readonly body: string
  readonly format: 'yaml' | 'json'
  readonly createdAt: string
}

/** One stored version of a suite */
export interface SuiteVersion {
  readonly version: number
  readonly createdAt: string
  readonly format: 'yaml' | 'json'
  readonly body: string
}

/** Where a run is in its life */
export type RunStatus = 'queued' | 'running' | 'completed' | 'failed'

/** What started a run */
export interface Trigger {
  readonly kind: 'manual' | 'api' | 'webhook' | 'schedule' | 'iam-change'
  readonly detail?: string
}

/** The engines a run can use */
export type EngineName = 'local' | 'aws'

/** A run in a list */
export interface RunSummaryItem {
  readonly id: string
  readonly suiteId: string
  readonly suiteVersion: number
  readonly status: RunStatus
  readonly trigger: Trigger
  readonly engines: readonly EngineName[]
  readonly summary?: RunSummary
  readonly createdAt: string
  readonly startedAt?: string
  readonly finishedAt?: string
  readonly error?: string
}

/** A check that got worse since the previous run */
export interface Regression {
  readonly kind: 'newFailure' | 'newDivergence' | 'decisionFlip'
  readonly case: string
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly before: { readonly status: string; readonly divergent: boolean; readonly decision?: string }
  readonly after: { readonly status: string; readonly divergent: boolean; readonly decision?: string }
}

/** A run with its regressions */
export interface RunDetail extends RunSummaryItem {
  readonly previousRunId?: string
  readonly regressions: readonly Regression[]
}

/** One page of a list */
export interface Page<T> {
  readonly items: readonly T[]
  readonly cursor?: string
}

/** A problem the API found in a body (line and column are 1-based) */
export interface ApiIssue {
  readonly code: string
  readonly message: string
  readonly path: string
  readonly line?: number
  readonly column?: number
  readonly file?: string
  readonly severity: 'error' | 'warning'
}
