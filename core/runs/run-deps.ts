/**
 * What run orchestration needs from its host (a Lambda, the local server): the repository, the queue,
 * the engines and the condition-key catalog. Functions take it as their first argument.
 * @module
 */

import type { Repository } from '../store/repository.ts'
import type { Engine, KeyTypeLookup } from '../suite/index.ts'
import type { EngineSelection } from './engines.ts'
import type { RunQueue } from './queue.ts'

/** Everything run orchestration calls out to */
export interface RunDeps {
  readonly repo: Repository
  readonly queue: RunQueue
  /** The engines a run uses (see engines.ts `enginesFor`) */
  readonly enginesFor: (run: EngineSelection) => readonly Engine[]
  /** Condition key types from the catalog; default: inferred from the values */
  readonly keyTypes?: () => Promise<KeyTypeLookup>
  /** Checks per slice; default DEFAULT_SLICE_SIZE */
  readonly sliceSize?: number
  /** The most checks one run may have; default DEFAULT_MAX_RUN_CHECKS */
  readonly maxChecks?: number
  /** Where progress and problems are reported; default nowhere */
  readonly log?: (message: string) => void
}

/** The default limit of checks in one run */
export const DEFAULT_MAX_RUN_CHECKS = 200_000
