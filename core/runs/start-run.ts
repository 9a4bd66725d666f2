/**
 * Starting a run: expand the suite's current version to count its checks, store the run as queued
 * with its slice count, and send one message per slice. A run that cannot be queued is marked failed.
 * @module
 */
import { type EngineName, NotFoundError, type RunRecord, type Trigger } from '../store/repository.ts'
import { TooManyChecksError } from './errors.ts'
import { expandStored } from './expansion.ts'
import { failRun } from './fail-run.ts'
import type { SliceMessage } from './queue.ts'
import { DEFAULT_MAX_RUN_CHECKS, type RunDeps } from './run-deps.ts'
import { planSlices, type SlicePlan } from './slices.ts'

/** What a run is asked to do */
export interface StartRunInput {
  readonly engines: readonly EngineName[]
  readonly trigger: Trigger
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Stores a queued run of a suite's current version and queues its slices; NotFoundError for an unknown suite */
export const startRun = async (
  deps: RunDeps,
  teamId: string,
  suiteId: string,
  input: StartRunInput,
): Promise<RunRecord> => {
  const suite = await deps.repo.getSuite(teamId, suiteId)
  if (!suite) throw new NotFoundError(`suite \`${suiteId}\` not found`)
  const keyTypes = await deps.keyTypes?.()
  const expansion = expandStored(
    { teamId, suiteId, version: suite.version, body: suite.body, format: suite.format },
    keyTypes,
  )
  const total = expansion.checks.length
  const max = deps.maxChecks ?? DEFAULT_MAX_RUN_CHECKS
  if (total > max) {
    throw new TooManyChecksError(`suite \`${suiteId}\` expands to ${total} checks, over the limit of ${max}`)
  }
  const planned = planSlices(total, deps.sliceSize)
  // An empty run still gets one (empty) slice, so that a worker closes it like any other
  const plans: SlicePlan[] = planned.length > 0 ? planned : [{ index: 0, start: 0, end: 0 }]
  const run = await deps.repo.createRun(teamId, {
    suiteId,
    suiteVersion: suite.version,
    trigger: input.trigger,
    engines: input.engines,
    slices: plans.length,
  })
  const messages: SliceMessage[] = plans.map((p) => ({
    teamId,
    runId: run.id,
    slice: p.index,
    start: p.start,
    end: p.end,
  }))
  try {
    await deps.queue.enqueue(messages)
  } catch (error) {
    await failRun(deps, teamId, run.id, `the run could not be queued: ${messageOf(error)}`)
    throw error
  }
  deps.log?.(`run ${run.id} of ${suiteId} v${suite.version}: ${total} checks in ${plans.length} slices`)
  return run
}
