/**
 * A worker's job: evaluate one slice of a run and record it; the worker that records the last slice
 * closes the run. Runs that ended meanwhile (failed by the sweeper, or closed) drop their messages.
 * A suite version that no longer loads or exists fails the run instead of retrying forever.
 * @module
 */

import { explainDivergence } from '../aws/divergence-causes.ts'
import { ConflictError, NotFoundError } from '../store/repository.ts'
import { runChecks } from '../suite/index.ts'
import { closeRun } from './close-run.ts'
import { InvalidSuiteError } from './errors.ts'
import { expandStored } from './expansion.ts'
import { failRun } from './fail-run.ts'
import type { SliceMessage } from './queue.ts'
import type { RunDeps } from './run-deps.ts'

/** What became of a slice message */
export type SliceOutcome = 'recorded' | 'closed' | 'dropped' | 'failed'

const isFinal = (status: string): boolean => status === 'completed' || status === 'failed'

/** Evaluates and records one slice; throws only for errors worth a retry (the store or engines unreachable) */
export const processSlice = async (deps: RunDeps, message: SliceMessage): Promise<SliceOutcome> => {
  const { repo } = deps
  const { teamId, runId } = message
  let run = await repo.getRun(teamId, runId)
  if (!run || isFinal(run.status)) return 'dropped'
  if (run.status === 'queued') {
    try {
      run = await repo.markRunning(teamId, runId)
    } catch (error) {
      if (error instanceof ConflictError || error instanceof NotFoundError) return 'dropped'
      throw error
    }
  }
  const version = await repo.getSuiteVersion(teamId, run.suiteId, run.suiteVersion)
  if (!version) {
    await failRun(
      deps,
      teamId,
      runId,
      `suite \`${run.suiteId}\` version ${run.suiteVersion} no longer exists`,
    )
    return 'failed'
  }
  let expansion: ReturnType<typeof expandStored>
  try {
    const keyTypes = await deps.keyTypes?.()
    expansion = expandStored(
      { teamId, suiteId: run.suiteId, version: run.suiteVersion, body: version.body, format: version.format },
      keyTypes,
    )
  } catch (error) {
    if (!(error instanceof InvalidSuiteError)) throw error
    await failRun(deps, teamId, runId, error.message)
    return 'failed'
  }
  if (message.end > expansion.checks.length) {
    await failRun(deps, teamId, runId, `slice ${message.slice} is out of range of the suite's checks`)
    return 'failed'
  }
  const checks = expansion.checks.slice(message.start, message.end)
  // Divergences with a documented simulator cause carry it, as in the CLI's report
  const results = await runChecks(checks, { engines: deps.enginesFor(run), explainDivergence })
  let recorded: Awaited<ReturnType<typeof repo.recordSlice>>
  try {
    recorded = await repo.recordSlice(teamId, runId, message.slice, results)
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return 'dropped'
    throw error
  }
  const after = recorded.run
  if (after.slicesDone < after.slices || isFinal(after.status)) return 'recorded'
  return (await closeRun(deps, after, expansion.skipped)) ? 'closed' : 'recorded'
}
