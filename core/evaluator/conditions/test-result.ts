/**
 * Building condition test results: shared constants for the hot path, fresh objects otherwise.
 * @module
 */
import type { ConditionTest } from '../../policy/types.ts'
import type { EvaluationError, TraceOutcome } from '../types.ts'
import type { ConditionReason } from './reasons.ts'
import type { ConditionDetail, ConditionTestResult } from './types.ts'

/** The shared empty list of results with nothing to report */
export const NOTHING: readonly never[] = Object.freeze([])

/** A result without detail; reuse it as a constant wherever the inputs are fixed */
export const testResult = (
  matched: boolean,
  missingKey: string | undefined,
  errors: readonly EvaluationError[],
  unresolvedVariables: readonly string[] = NOTHING,
): ConditionTestResult => ({ matched, missingKey, unresolvedVariables, errors })

/** The detail of a traced test */
export const conditionDetail = (
  test: ConditionTest,
  policyValues: readonly (string | null)[],
  requestValues: readonly string[] | undefined,
  outcome: TraceOutcome,
  reason: ConditionReason,
  implicitForAnyValue = false,
): ConditionDetail => ({
  operator: test.operator,
  key: test.key,
  policyValues,
  requestValues,
  matched: outcome === 'match',
  outcome,
  reason,
  ...(implicitForAnyValue ? { implicitForAnyValue } : {}),
})

/** A copy of a result with its detail */
export const withDetail = (result: ConditionTestResult, detail: ConditionDetail): ConditionTestResult => ({
  ...result,
  detail,
})

/** True when the values are null in IAM's sense: none, or only empty strings */
export const isNullValued = (values: readonly string[]): boolean => {
  for (let i = 0; i < values.length; i++) if (values[i] !== '') return false
  return true
}

/** Appends to a list, creating it on first use (keeps the no-error path free of allocation) */
export const append = <T>(list: T[] | undefined, item: T): T[] => {
  if (list === undefined) return [item]
  list.push(item)
  return list
}
