/**
 * Marking a run failed, tolerating a run that already ended or no longer exists.
 * @module
 */
import { ConflictError, NotFoundError } from '../store/repository.ts'
import type { RunDeps } from './run-deps.ts'

/** Ends a run as failed with a reason; false when it had already ended (or is gone) */
export const failRun = async (
  deps: Pick<RunDeps, 'repo' | 'log'>,
  teamId: string,
  runId: string,
  error: string,
): Promise<boolean> => {
  try {
    await deps.repo.finishRun(teamId, runId, { status: 'failed', error })
    deps.log?.(`run ${runId} failed: ${error}`)
    return true
  } catch (e) {
    if (e instanceof ConflictError || e instanceof NotFoundError) return false
    throw e
  }
}
