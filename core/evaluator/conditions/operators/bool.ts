/**
 * The Bool operator: compares `true` / `false`, case-insensitively on both sides.
 * Policy variables: the operators page says Bool allows them, the policy variables page lists only
 * String and Arn (aws-iam-facts B.2, G.3). We choose NO: `${…}` stays literal text, which is not a
 * boolean, so such a value matches nothing.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 * @module
 */
import type { ConditionOperator } from '../operator.ts'

/** Parses `true` / `false` in any case; undefined otherwise */
export const parseBoolean = (text: string): boolean | undefined => {
  if (text.length === 4 && text.toLowerCase() === 'true') return true
  if (text.length === 5 && text.toLowerCase() === 'false') return false
  return undefined
}

/** `Bool` */
export const Bool: ConditionOperator = {
  name: 'Bool',
  family: 'boolean',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: '`true` or `false`',
  compile: (policyValue) => {
    const policy = parseBoolean(policyValue)
    if (policy === undefined) return undefined
    return (requestValue) => {
      const request = parseBoolean(requestValue)
      return request === undefined ? 'error' : request === policy
    }
  },
}

/** The boolean family */
export const BOOLEAN_OPERATORS: readonly ConditionOperator[] = [Bool]
