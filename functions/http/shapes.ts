/**
 * Shapes of docs/api.md built from store records: store bookkeeping (team ids, slice counters) never
 * leaves the API.
 * @module
 */
import type {
  RunDetailRecord,
  RunRecord,
  SuiteDetailRecord,
  SuiteVersionRecord,
  SuiteWithLastRun,
  TeamRecord,
} from '../../core/store/repository.ts'

/** A run as listed (`RunSummaryItem`) */
export const runSummaryItem = (run: RunRecord) => ({
  id: run.id,
  suiteId: run.suiteId,
  suiteVersion: run.suiteVersion,
  status: run.status,
  trigger: run.trigger,
  engines: run.engines,
  ...(run.summary ? { summary: run.summary } : {}),
  createdAt: run.createdAt,
  ...(run.startedAt ? { startedAt: run.startedAt } : {}),
  ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
  ...(run.error ? { error: run.error } : {}),
})

/** A run with its regressions (`RunDetail`) */
export const runDetail = (run: RunDetailRecord) => ({
  ...runSummaryItem(run),
  ...(run.previousRunId ? { previousRunId: run.previousRunId } : {}),
  regressions: run.regressions,
})

/** A suite as listed (`SuiteSummary`) */
export const suiteSummary = (suite: SuiteWithLastRun) => ({
  id: suite.id,
  version: suite.version,
  ...(suite.description !== undefined ? { description: suite.description } : {}),
  tags: suite.tags,
  updatedAt: suite.updatedAt,
  ...(suite.lastRun ? { lastRun: runSummaryItem(suite.lastRun) } : {}),
})

/** A suite with its text (`SuiteDetail`) */
export const suiteDetail = (suite: SuiteDetailRecord) => ({
  ...suiteSummary(suite),
  body: suite.body,
  format: suite.format,
  createdAt: suite.createdAt,
})

/** One version of a suite (`SuiteVersion`) */
export const suiteVersion = (v: SuiteVersionRecord) => ({
  version: v.version,
  createdAt: v.createdAt,
  format: v.format,
  body: v.body,
})

/** A team as the admin routes show it */
export const team = (t: TeamRecord) => ({ id: t.id, name: t.name, createdAt: t.createdAt })
