/**
 * Builders of the evaluation errors conditions record (evaluation never throws on policy or request
 * content; a bad value becomes an error and matches nothing).
 * @module
 */
import type { ConditionTest } from '../../policy/types.ts'
import type { EvaluationError } from '../types.ts'
import type { ConditionOperator } from './operator.ts'

/** The operator is not a known condition operator */
export const unknownOperatorError = (test: ConditionTest): EvaluationError => ({
  code: 'condition-operator-unknown',
  message: `unknown condition operator \`${test.operator}\` for \`${test.key}\``,
})

/** A policy value is not valid for its operator (after substitution, when it used variables) */
export const policyValueError = (
  op: ConditionOperator,
  test: ConditionTest,
  value: string,
): EvaluationError => ({
  code: 'condition-policy-value-invalid',
  message: `policy value \`${value}\` of \`${test.operator}\` for \`${test.key}\` is not ${op.expects}`,
})

/** A request value is not valid for the operator's family */
export const requestValueError = (
  op: ConditionOperator,
  test: ConditionTest,
  value: string,
): EvaluationError => ({
  code: 'condition-request-value-invalid',
  message: `request value \`${value}\` of \`${test.key}\` is not ${op.expects} (\`${test.operator}\`)`,
})

/** A policy variable names a multivalued key, which cannot be a variable */
export const multivaluedVariableError = (test: ConditionTest, variable: string): EvaluationError => ({
  code: 'condition-variable-multivalued',
  message: `policy variable \`${variable}\` in \`${test.operator}\` for \`${test.key}\` has several values and cannot be substituted`,
})
