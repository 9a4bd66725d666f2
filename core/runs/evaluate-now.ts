/**
 * Evaluating a loaded suite synchronously, without storing anything: the what-if of `POST /validate`.
 * @module
 */

import { explainDivergence } from '../aws/divergence-causes.ts'
import type { EngineName } from '../store/repository.ts'
import { buildReport, expandSuite, type LoadedSuite, type RunReport, runChecks } from '../suite/index.ts'
import { TooManyChecksError } from './errors.ts'
import type { RunDeps } from './run-deps.ts'

/** Expands and runs a suite on the given engines (local by default), refusing more than `maxChecks` checks */
export const evaluateNow = async (
  deps: Pick<RunDeps, 'enginesFor' | 'keyTypes'>,
  teamId: string,
  suite: LoadedSuite,
  options: { readonly maxChecks: number; readonly engines?: readonly EngineName[] },
): Promise<RunReport> => {
  const keyTypes = await deps.keyTypes?.()
  const expansion = expandSuite(suite, { keyTypes })
  if (expansion.checks.length > options.maxChecks) {
    throw new TooManyChecksError(
      `suite \`${suite.id}\` expands to ${expansion.checks.length} checks, over the limit of ${options.maxChecks} for a validation`,
    )
  }
  const engines = deps.enginesFor({ teamId, suiteId: suite.id, engines: options.engines ?? ['local'] })
  return buildReport(await runChecks(expansion.checks, { engines, explainDivergence }), expansion.skipped)
}
