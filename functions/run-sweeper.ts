/**
 * The run sweeper Lambda (scheduled): fails runs still queued or running past their deadline (default
 * 15 minutes, `IAMSPEC_RUN_DEADLINE_MINUTES`), so that no run stays "running" forever.
 * @module
 */
import { DEFAULT_RUN_DEADLINE_MS, sweepStaleRuns } from '../core/runs/index.ts'
import { runDeadlineMs } from './services/config.ts'
import { awsServices } from './services/services.ts'

/** The scheduled handler; answers how many runs it failed */
export const handler = async (): Promise<{ readonly swept: number }> => {
  const services = await awsServices()
  const deadline = runDeadlineMs(DEFAULT_RUN_DEADLINE_MS)
  const minutes = Math.round((deadline / 60_000) * 100) / 100
  const swept = await sweepStaleRuns(
    { repo: services.repo, log: (m) => console.log(m) },
    new Date(Date.now() - deadline),
    `the run did not finish within ${minutes} minutes`,
  )
  console.log(`swept ${swept} stale runs`)
  return { swept }
}
