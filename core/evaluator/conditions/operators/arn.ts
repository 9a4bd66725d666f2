/**
 * ARN operators: both values are split into six parts at the first five colons and each part is
 * compared separately with a case-sensitive glob (`*`, `?`), so `*` never crosses a colon between the
 * first five parts. `ArnEquals` behaves exactly like `ArnLike`, `ArnNotEquals` like `ArnNotLike`.
 * A value with fewer than five colons is not an ARN: as a policy value it is invalid, as a request
 * value it matches nothing (an error is recorded).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 * @module
 */

import { hasPrefix } from '../../has-prefix.ts'
import { compileGlob, type GlobMatcher } from '../../wildcard.ts'
import { type ConditionOperator, negate, type ValueMatcher } from '../operator.ts'

/** Splits an ARN into its six parts at the first five colons; undefined with fewer than five colons */
export const splitArn = (text: string): readonly string[] | undefined => {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start)
    if (colon === -1) return undefined
    parts.push(text.slice(start, colon))
    start = colon + 1
  }
  parts.push(text.slice(start))
  return parts
}

const ANY = 0
const LITERAL = 1
const GLOB = 2

const isLiteral = (part: string, escapes: boolean): boolean =>
  !part.includes('*') && !part.includes('?') && !(escapes && part.includes('\\'))

/** True when the text has at least five colons (six ARN parts) */
const isArn = (text: string): boolean => {
  let colon = -1
  for (let i = 0; i < 5; i++) {
    colon = text.indexOf(':', colon + 1)
    if (colon === -1) return false
  }
  return true
}

/**
 * Compiles an ARN pattern. Literal parts compare in place (no split of the request value); when the
 * first five parts are all literal the test is a prefix check plus one glob on the resource part
 */
const compileArnPattern = (policyValue: string, escapes: boolean): ValueMatcher | undefined => {
  const parts = splitArn(policyValue)
  if (parts === undefined) return undefined
  const kinds = parts.map((part) => (part === '*' ? ANY : isLiteral(part, escapes) ? LITERAL : GLOB))
  const globs: readonly GlobMatcher[] = parts.map((part) => compileGlob(part, { escapes }))
  const last = kinds[5] === ANY ? undefined : globs[5]!
  if (kinds.slice(0, 5).every((kind) => kind === LITERAL)) {
    const prefix = `${parts.slice(0, 5).join(':')}:`
    return (requestValue) => {
      if (hasPrefix(requestValue, prefix))
        return last === undefined || last(requestValue.slice(prefix.length))
      return isArn(requestValue) ? false : 'error'
    }
  }
  return (requestValue) => {
    let start = 0
    let ok = true
    for (let i = 0; i < 5; i++) {
      const colon = requestValue.indexOf(':', start)
      if (colon === -1) return 'error'
      if (ok) {
        const kind = kinds[i]
        if (kind === LITERAL) {
          const part = parts[i]!
          ok = colon - start === part.length && hasPrefix(requestValue, part, start)
        } else if (kind === GLOB) ok = globs[i]!(requestValue.slice(start, colon))
      }
      start = colon + 1
    }
    return ok && (last === undefined || last(requestValue.slice(start)))
  }
}

/** `ArnLike` */
export const ArnLike: ConditionOperator = {
  name: 'ArnLike',
  family: 'arn',
  negated: false,
  allowsVariables: true,
  substitution: 'glob',
  expects: 'an ARN',
  compile: (policyValue, escapes = false) => compileArnPattern(policyValue, escapes),
}

/** `ArnEquals`: the same test as ArnLike (the operators page says they behave the same) */
export const ArnEquals: ConditionOperator = { ...ArnLike, name: 'ArnEquals' }
/** `ArnNotLike`: NOR of ArnLike */
export const ArnNotLike = negate(ArnLike, 'ArnNotLike')
/** `ArnNotEquals`: NOR of ArnEquals */
export const ArnNotEquals = negate(ArnEquals, 'ArnNotEquals')

/** The ARN family, in the order of the operators page */
export const ARN_OPERATORS: readonly ConditionOperator[] = [ArnEquals, ArnLike, ArnNotEquals, ArnNotLike]
