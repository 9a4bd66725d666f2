/**
 * The engine interface: a batch of checks in, one outcome per check out, in the same order. The
 * local evaluator and the AWS simulator are two implementations; the runner compares whatever ran.
 * @module
 */
import type { Check } from './check.ts'
import type { EngineOutcome } from './report-types.ts'

/** The engines a run can use */
export type EngineName = 'local' | 'aws'

/** An engine's answer for one check: an outcome, or an error where it could not evaluate the check */
export type EngineResult = EngineOutcome | { readonly error: string }

/** Something that decides checks */
export interface Engine {
  readonly name: EngineName
  /** Decides a batch; returns exactly one result per check, in order */
  evaluate(checks: readonly Check[]): Promise<readonly EngineResult[]> | readonly EngineResult[]
}

/** True for an engine result that is an error */
export const isEngineError = (result: EngineResult | undefined): result is { readonly error: string } =>
  result !== undefined && 'error' in result
