/**
 * Results of condition evaluation: one test, and a whole Condition block.
 * @module
 */
import type { EvaluationError, RequestContext, TraceOutcome } from '../types.ts'
import type { ConditionReason } from './reasons.ts'

/**
 * What a traced condition test compared: the values after substitution, the outcome and why.
 * A type alias (not an interface) so that it is assignable to `Record<string, unknown>`
 */
export type ConditionDetail = {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists` */
  readonly operator: string
  /** The condition key as written in the policy */
  readonly key: string
  /** Policy values after variable substitution (literal text); null where a variable had no value */
  readonly policyValues: readonly (string | null)[]
  /** The request values, or undefined when the key is absent */
  readonly requestValues: readonly string[] | undefined
  readonly matched: boolean
  readonly outcome: TraceOutcome
  readonly reason: ConditionReason
  /** True when a plain operator met several request values and was evaluated as ForAnyValue */
  readonly implicitForAnyValue?: boolean
}

/** The outcome of one condition test */
export interface ConditionTestResult {
  readonly matched: boolean
  /** The condition key in lower case when the request context lacks it (reported whatever the outcome) */
  readonly missingKey: string | undefined
  /** Keys (lower case) of policy variables that had no value, so their policy values matched nothing */
  readonly unresolvedVariables: readonly string[]
  readonly errors: readonly EvaluationError[]
  /** Present when the test was evaluated with tracing */
  readonly detail?: ConditionDetail
}

/** A compiled condition test: evaluates against one request context; `trace` adds the detail */
export type CompiledConditionTest = (context: RequestContext, trace?: boolean) => ConditionTestResult

/**
 * How a condition block is evaluated.
 * - `short-circuit` (the default, and `false`): stops at the first test that is false although its key
 *   and variables are present, and then reports no missing key (the block is false whatever they
 *   hold); otherwise evaluates on, so a false block lists every key that could change it
 * - `collect-missing`: evaluates every test and reports every missing key
 * - `trace` (and `true`): as `collect-missing`, with one detail per test
 */
export type ConditionBlockMode = 'short-circuit' | 'collect-missing' | 'trace'

/** The outcome of a whole Condition block (every test ANDed) */
export interface ConditionBlockResult {
  readonly matched: boolean
  /**
   * Missing condition keys and unresolved variable keys (lower case, no duplicates, in test order).
   * In `short-circuit` mode empty when failedWithKeysPresent
   */
  readonly missingKeys: readonly string[]
  /**
   * True when a test was false although its key and every variable it used were present: supplying
   * the missing keys could not make the block true
   */
  readonly failedWithKeysPresent: boolean
  readonly errors: readonly EvaluationError[]
  /** Present in `trace` mode: one detail per test, in order */
  readonly detail?: readonly ConditionDetail[]
}

/** A compiled Condition block */
export type CompiledConditionBlock = (
  context: RequestContext,
  mode?: ConditionBlockMode | boolean,
) => ConditionBlockResult
