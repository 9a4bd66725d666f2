/**
 * Sweeping runs that will never finish: a run still queued or running after its deadline (a worker
 * died, a message went to the dead-letter queue, the local server was killed) is marked failed.
 * @module
 */
import type { Repository } from '../store/repository.ts'
import { failRun } from './fail-run.ts'

/** How long a run may stay queued or running before the sweeper fails it, by default */
export const DEFAULT_RUN_DEADLINE_MS = 15 * 60 * 1000

/** Marks every run created before `before` that is still queued or running as failed; returns how many */
export const sweepStaleRuns = async (
  deps: { readonly repo: Repository; readonly log?: (message: string) => void },
  before: Date,
  reason: string,
): Promise<number> => {
  let swept = 0
  let cursor: string | undefined
  do {
    const page = await deps.repo.listStaleRuns(before.toISOString(), { limit: 100, cursor })
    for (const run of page.items) {
      if (await failRun(deps, run.teamId, run.id, reason)) swept++
    }
    cursor = page.cursor
  } while (cursor)
  return swept
}
