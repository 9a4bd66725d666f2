/**
 * Date operators: compare instants. Either side may be a W3C ISO 8601 date-time or epoch seconds.
 * Wildcards and policy variables are not permitted.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 * @module
 */
import { type ConditionOperator, memoizeLast, negate, type ValueMatcher } from '../operator.ts'
import { parseDateValue } from './date-value.ts'

const parseRequest = memoizeLast(parseDateValue)

const date = (name: string, compare: (request: number, policy: number) => boolean): ConditionOperator => ({
  name,
  family: 'date',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: 'an ISO 8601 date or epoch seconds',
  compile: (policyValue): ValueMatcher | undefined => {
    const policy = parseDateValue(policyValue)
    if (policy === undefined) return undefined
    return (requestValue) => {
      const request = parseRequest(requestValue)
      return request === undefined ? 'error' : compare(request, policy)
    }
  },
})

/** `DateEquals`: the same instant */
export const DateEquals = date('DateEquals', (r, p) => r === p)
/** `DateLessThan`: request before policy */
export const DateLessThan = date('DateLessThan', (r, p) => r < p)
/** `DateLessThanEquals` */
export const DateLessThanEquals = date('DateLessThanEquals', (r, p) => r <= p)
/** `DateGreaterThan`: request after policy */
export const DateGreaterThan = date('DateGreaterThan', (r, p) => r > p)
/** `DateGreaterThanEquals` */
export const DateGreaterThanEquals = date('DateGreaterThanEquals', (r, p) => r >= p)
/** `DateNotEquals`: NOR of DateEquals */
export const DateNotEquals = negate(DateEquals, 'DateNotEquals')

/** The date family, in the order of the operators page */
export const DATE_OPERATORS: readonly ConditionOperator[] = [
  DateEquals,
  DateNotEquals,
  DateLessThan,
  DateLessThanEquals,
  DateGreaterThan,
  DateGreaterThanEquals,
]
