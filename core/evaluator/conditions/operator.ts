/**
 * The shape of one condition operator of the evaluator's registry, and how negated operators are
 * derived from their positive form (never written twice).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @module
 */

/** The operator families of the condition operators page */
export type ConditionOperatorFamily =
  | 'string'
  | 'numeric'
  | 'date'
  | 'boolean'
  | 'binary'
  | 'ip'
  | 'arn'
  | 'null'

/**
 * Tests one request value against one compiled policy value (the positive form): true or false, or
 * `'error'` when the request value is not valid for the family (not a number, not an ARN, …)
 */
export type ValueMatcher = (requestValue: string) => boolean | 'error'

/** One base operator (no `ForAllValues:` prefix, no `IfExists` suffix) */
export interface ConditionOperator {
  /** The canonical spelling, e.g. `StringNotEqualsIgnoreCase` */
  readonly name: string
  readonly family: ConditionOperatorFamily
  /** True for the Not operators: NOT(any positive match), so NOR over the policy values */
  readonly negated: boolean
  /** True when policy variables in values are substituted (Version 2012-10-17 only) */
  readonly allowsVariables: boolean
  /** How substituted variables are written into the value: escaped glob text (Like, Arn) or literal text */
  readonly substitution: 'glob' | 'literal'
  /** What a valid value looks like, for error messages, e.g. `a number` */
  readonly expects: string
  /**
   * Compiles one policy value into a matcher for the POSITIVE form, or undefined when the policy
   * value is not valid for the family. `escapes`: the value came from glob-mode variable substitution
   * and a backslash makes the next character literal
   */
  readonly compile: (policyValue: string, escapes?: boolean) => ValueMatcher | undefined
}

/** Derives a negated operator from its positive form: same compile, inverted by the evaluator */
export const negate = (positive: ConditionOperator, name: string): ConditionOperator => ({
  ...positive,
  name,
  negated: true,
})

/** How many request values a parser remembers before it starts over */
const MEMO_LIMIT = 1024

/**
 * Wraps a request-value parser in a bounded memo: request contexts repeat a few values (times, source
 * addresses, ages) across many tests and requests, so each distinct text is parsed once. Parsers are
 * pure, so remembering their answers changes nothing but speed
 */
export const memoizeLast = <T>(parse: (text: string) => T): ((text: string) => T) => {
  const memo = new Map<string, T>()
  let lastText: string | undefined
  let lastValue: T
  return (text) => {
    if (text === lastText) return lastValue
    let value = memo.get(text)
    if (value === undefined && !memo.has(text)) {
      value = parse(text)
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(text, value)
    }
    lastText = text
    lastValue = value as T
    return lastValue
  }
}
