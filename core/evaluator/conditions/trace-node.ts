/**
 * Turns a traced condition test result into a node of the evaluation trace.
 * @module
 */
import type { ConditionTest } from '../../policy/types.ts'
import type { TraceNode } from '../types.ts'
import type { ConditionTestResult } from './types.ts'

/** A `condition` trace node for one test (reason codes come from the conditions REASONS table) */
export const conditionTraceNode = (test: ConditionTest, result: ConditionTestResult): TraceNode => {
  const detail = result.detail
  return {
    kind: 'condition',
    label: `${test.operator} ${test.key}`,
    outcome: detail?.outcome ?? (result.matched ? 'match' : 'noMatch'),
    reason: detail?.reason ?? (result.matched ? 'condition-matched' : 'condition-not-matched'),
    ...(detail === undefined ? {} : { detail }),
    span: test.span,
    children: [],
  }
}
