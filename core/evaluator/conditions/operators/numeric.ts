/**
 * Numeric operators: integer or decimal comparison of the request value (left) with the policy value
 * (right). Policy variables are not substituted. A request value that is not a number matches nothing
 * and is reported as an error.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 * @module
 */
import { type ConditionOperator, memoizeLast, negate, type ValueMatcher } from '../operator.ts'

/** Decimal numbers with an optional sign and exponent (the policy validator accepts the same) */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** Parses IAM numeric text; undefined when it is not a number */
export const parseNumber = (text: string): number | undefined => {
  if (!NUMBER.test(text)) return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

const parseRequest = memoizeLast(parseNumber)

const numeric = (name: string, compare: (request: number, policy: number) => boolean): ConditionOperator => ({
  name,
  family: 'numeric',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: 'a number',
  compile: (policyValue): ValueMatcher | undefined => {
    const policy = parseNumber(policyValue)
    if (policy === undefined) return undefined
    return (requestValue) => {
      const request = parseRequest(requestValue)
      return request === undefined ? 'error' : compare(request, policy)
    }
  },
})

/** `NumericEquals` */
export const NumericEquals = numeric('NumericEquals', (r, p) => r === p)
/** `NumericLessThan`: request < policy */
export const NumericLessThan = numeric('NumericLessThan', (r, p) => r < p)
/** `NumericLessThanEquals`: request <= policy */
export const NumericLessThanEquals = numeric('NumericLessThanEquals', (r, p) => r <= p)
/** `NumericGreaterThan`: request > policy */
export const NumericGreaterThan = numeric('NumericGreaterThan', (r, p) => r > p)
/** `NumericGreaterThanEquals`: request >= policy */
export const NumericGreaterThanEquals = numeric('NumericGreaterThanEquals', (r, p) => r >= p)
/** `NumericNotEquals`: NOR of NumericEquals */
export const NumericNotEquals = negate(NumericEquals, 'NumericNotEquals')

/** The numeric family, in the order of the operators page */
export const NUMERIC_OPERATORS: readonly ConditionOperator[] = [
  NumericEquals,
  NumericNotEquals,
  NumericLessThan,
  NumericLessThanEquals,
  NumericGreaterThan,
  NumericGreaterThanEquals,
]
