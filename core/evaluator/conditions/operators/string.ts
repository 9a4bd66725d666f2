/**
 * String operators: exact (case-sensitive), IgnoreCase, and Like (case-sensitive glob with `*` and `?`).
 * Policy variables are allowed; Like substitutes them as escaped glob text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 * @module
 */
import { compileGlob } from '../../wildcard.ts'
import { type ConditionOperator, negate } from '../operator.ts'

/** `StringEquals`: exact, case-sensitive; `*` is an ordinary character */
export const StringEquals: ConditionOperator = {
  name: 'StringEquals',
  family: 'string',
  negated: false,
  allowsVariables: true,
  substitution: 'literal',
  expects: 'a string',
  compile: (policyValue) => (requestValue) => requestValue === policyValue,
}

/** `StringEqualsIgnoreCase`: exact after lower-casing both sides */
export const StringEqualsIgnoreCase: ConditionOperator = {
  ...StringEquals,
  name: 'StringEqualsIgnoreCase',
  compile: (policyValue) => {
    const lower = policyValue.toLowerCase()
    return (requestValue) => requestValue === policyValue || requestValue.toLowerCase() === lower
  },
}

/** `StringLike`: case-sensitive glob over the whole value (`*` any run, `?` one character) */
export const StringLike: ConditionOperator = {
  ...StringEquals,
  name: 'StringLike',
  substitution: 'glob',
  compile: (policyValue, escapes = false) => compileGlob(policyValue, { escapes }),
}

/** `StringNotEquals`: NOR of StringEquals over the policy values */
export const StringNotEquals = negate(StringEquals, 'StringNotEquals')
/** `StringNotEqualsIgnoreCase`: NOR of StringEqualsIgnoreCase */
export const StringNotEqualsIgnoreCase = negate(StringEqualsIgnoreCase, 'StringNotEqualsIgnoreCase')
/** `StringNotLike`: NOR of StringLike */
export const StringNotLike = negate(StringLike, 'StringNotLike')

/** The string family, in the order of the operators page */
export const STRING_OPERATORS: readonly ConditionOperator[] = [
  StringEquals,
  StringNotEquals,
  StringEqualsIgnoreCase,
  StringNotEqualsIgnoreCase,
  StringLike,
  StringNotLike,
]
