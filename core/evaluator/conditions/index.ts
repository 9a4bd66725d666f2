/**
 * Condition evaluation of the local IAM evaluator: the operator registry, compiled and reference
 * evaluation of one test and of a whole Condition block, reason codes and trace nodes.
 * @module
 */
export { compileConditionBlock, evaluateConditionBlockReference } from './condition-block.ts'
export { compileConditionTest, evaluateConditionTest } from './evaluate-condition.ts'
export { evaluateConditionTestReference } from './evaluate-reference.ts'
export type { ConditionOperator, ConditionOperatorFamily, ValueMatcher } from './operator.ts'
export { parseDateValue } from './operators/date-value.ts'
export { type ConditionErrorCode, type ConditionReason, REASONS as CONDITION_REASONS } from './reasons.ts'
export { CONDITION_OPERATOR_REGISTRY, findConditionOperator } from './registry.ts'
export { conditionTraceNode } from './trace-node.ts'
export type {
  CompiledConditionBlock,
  CompiledConditionTest,
  ConditionBlockMode,
  ConditionBlockResult,
  ConditionDetail,
  ConditionTestResult,
} from './types.ts'
