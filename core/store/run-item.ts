/**
 * The run item's attributes and their mapping to RunRecord.
 * @module
 */
import type { RunSummary } from '../suite/report-types.ts'
import type { EngineName, RunRecord, RunStatus, Trigger } from './repository.ts'
import type { Item } from './store-context.ts'

/** True for a final run status */
export const isFinal = (status: RunStatus): boolean => status === 'completed' || status === 'failed'

const optionalString = (item: Item, name: string): string | undefined =>
  typeof item[name] === 'string' ? (item[name] as string) : undefined

/** A run item as a record */
export const toRun = (item: Item): RunRecord => {
  const run: RunRecord = {
    teamId: String(item.teamId),
    id: String(item.runId),
    suiteId: String(item.suiteId),
    suiteVersion: Number(item.suiteVersion),
    status: item.status as RunStatus,
    trigger: item.trigger as Trigger,
    engines: item.engines as EngineName[],
    createdAt: String(item.createdAt),
    slices: Number(item.slices),
    slicesDone: Number(item.slicesDone ?? 0),
  }
  const summary = item.summary as RunSummary | undefined
  const startedAt = optionalString(item, 'startedAt')
  const finishedAt = optionalString(item, 'finishedAt')
  const error = optionalString(item, 'error')
  const previousRunId = optionalString(item, 'previousRunId')
  return {
    ...run,
    ...(summary === undefined ? {} : { summary }),
    ...(startedAt === undefined ? {} : { startedAt }),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(error === undefined ? {} : { error }),
    ...(previousRunId === undefined ? {} : { previousRunId }),
  }
}
