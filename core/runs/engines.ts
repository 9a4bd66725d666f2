/**
 * Which engines evaluate a run: the seam where the AWS engine plugs in. The local evaluator is always
 * available; the AWS simulator only where the process has credentials and an AWS engine factory was
 * given. Without it, `aws` answers every check with a skip that says why, so a run asking for both
 * engines is still judged on the local one.
 * @module
 */

import type { EngineName } from '../store/repository.ts'
import { createLocalEngine, type Engine } from '../suite/index.ts'

/** Builds the AWS engine for a run, or explains why there is none */
export type AwsEngineFactory = (run: EngineSelection) => Engine | { readonly unavailable: string }

/** What engine selection looks at */
export interface EngineSelection {
  readonly teamId: string
  readonly suiteId: string
  readonly engines: readonly EngineName[]
}

/** The message of an AWS engine that is not configured */
export const AWS_ENGINE_UNAVAILABLE =
  'the aws engine is not available on this server (no aws credentials or no engine configured)'

/** An engine that answers every check with a skip that gives a reason */
export const unavailableEngine = (name: EngineName, reason: string): Engine => ({
  name,
  evaluate: (checks) => checks.map(() => ({ skipped: reason })),
})

/** The judging engine of a run by name: local when it ran, else the first one */
export const judgeName = (engines: readonly EngineName[]): EngineName =>
  engines.includes('local') ? 'local' : (engines[0] ?? 'local')

/** Returns the engines for a run, in the order asked for */
export const enginesFor = (run: EngineSelection, aws?: AwsEngineFactory): Engine[] =>
  run.engines.map((name) => {
    if (name === 'local') return createLocalEngine()
    const made = aws?.(run)
    if (!made) return unavailableEngine('aws', AWS_ENGINE_UNAVAILABLE)
    return 'unavailable' in made ? unavailableEngine('aws', made.unavailable) : made
  })
