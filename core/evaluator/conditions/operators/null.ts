/**
 * The Null operator: `"true"` means the key is absent (or null), `"false"` that it is present and not
 * null. The evaluator passes `"true"` or `"false"` as the request value, according to whether the key
 * is null: absent, present with no values, or present with only empty strings (a tag with an empty
 * value). IfExists and set operators do not apply to Null.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 * @module
 */
import type { ConditionOperator } from '../operator.ts'
import { parseBoolean } from './bool.ts'

/** `Null` */
export const Null: ConditionOperator = {
  name: 'Null',
  family: 'null',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: '`true` or `false`',
  compile: (policyValue) => {
    const policy = parseBoolean(policyValue)
    if (policy === undefined) return undefined
    return (keyIsNull) => (keyIsNull === 'true') === policy
  },
}

/** The existence family */
export const NULL_OPERATORS: readonly ConditionOperator[] = [Null]
