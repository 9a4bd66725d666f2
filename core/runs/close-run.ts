/**
 * Closing a run once its last slice is recorded: read every result back, count them, compare with the
 * suite's previous completed run, and store the summary and the regressions.
 * @module
 */

import { ConflictError, type Repository, type RunRecord } from '../store/repository.ts'
import { type CheckResult, summarize } from '../suite/index.ts'
import { judgeName } from './engines.ts'
import { findRegressions } from './regressions.ts'
import type { RunDeps } from './run-deps.ts'

/** The most regressions stored with a run (the store pages them; this bounds a pathological edit) */
export const MAX_STORED_REGRESSIONS = 10_000

const PAGE = 2000

/** Reads all of a run's results, in slice order */
export const readAllResults = async (
  repo: Repository,
  teamId: string,
  runId: string,
): Promise<CheckResult[]> => {
  const out: CheckResult[] = []
  let cursor: string | undefined
  do {
    const page = await repo.listResults(teamId, runId, { limit: PAGE, cursor })
    out.push(...page.items)
    cursor = page.cursor
  } while (cursor)
  return out
}

/** Completes a run whose slices are all recorded; false when someone else closed it first */
export const closeRun = async (deps: RunDeps, run: RunRecord, skipped: number): Promise<boolean> => {
  const { repo } = deps
  const results = await readAllResults(repo, run.teamId, run.id)
  const summary = summarize(results, skipped)
  const previous = await repo.getPreviousCompletedRun(run.teamId, run.suiteId, run.id)
  const regressions = previous
    ? findRegressions(await readAllResults(repo, run.teamId, previous.id), results, {
        judgeBefore: judgeName(previous.engines),
        judgeAfter: judgeName(run.engines),
      })
    : []
  try {
    await repo.finishRun(run.teamId, run.id, {
      status: 'completed',
      summary,
      regressions: regressions.slice(0, MAX_STORED_REGRESSIONS),
      ...(previous ? { previousRunId: previous.id } : {}),
    })
  } catch (error) {
    if (error instanceof ConflictError) return false
    throw error
  }
  deps.log?.(
    `run ${run.id} completed: ${summary.passed}/${summary.total} passed, ${regressions.length} regressions`,
  )
  return true
}
