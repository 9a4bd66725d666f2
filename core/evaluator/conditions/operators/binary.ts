/**
 * BinaryEquals: byte-for-byte comparison of base64-encoded values. Both sides are decoded, so two
 * encodings of the same bytes (with or without padding) are equal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 * @module
 */
import { type ConditionOperator, memoizeLast } from '../operator.ts'
import { decodeBase64 } from './base64.ts'

const decodeRequest = memoizeLast(decodeBase64)

/** `BinaryEquals` */
export const BinaryEquals: ConditionOperator = {
  name: 'BinaryEquals',
  family: 'binary',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: 'base64 text',
  compile: (policyValue) => {
    const policy = decodeBase64(policyValue)
    if (policy === undefined) return undefined
    return (requestValue) => {
      const request = decodeRequest(requestValue)
      return request === undefined ? 'error' : request === policy
    }
  },
}

/** The binary family */
export const BINARY_OPERATORS: readonly ConditionOperator[] = [BinaryEquals]
