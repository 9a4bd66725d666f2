import { describe, expect, it } from 'vitest'
import {
  allOperatorSpellings,
  CONDITION_OPERATORS,
  findConditionOperator,
  parseConditionOperator,
} from '../../../../core/policy/condition-operators.ts'

describe('CONDITION_OPERATORS', () => {
  it('lists every documented base operator once when built', () => {
    const names = CONDITION_OPERATORS.map((o) => o.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toHaveLength(27)
  })

  it.each([
    ['StringNotEqualsIgnoreCase', { family: 'string', test: 'equals', negated: true, ignoreCase: true }],
    ['StringLike', { family: 'string', test: 'like', wildcards: true, variables: true }],
    [
      'NumericLessThanEquals',
      { family: 'numeric', test: 'lessThanEquals', negated: false, variables: false },
    ],
    ['DateGreaterThan', { family: 'date', test: 'greaterThan', wildcards: false }],
    ['Bool', { family: 'boolean', test: 'equals' }],
    ['BinaryEquals', { family: 'binary', test: 'equals' }],
    ['NotIpAddress', { family: 'ip', test: 'ipRange', negated: true }],
    ['ArnEquals', { family: 'arn', test: 'like', wildcards: true, negated: false }],
    ['ArnNotEquals', { family: 'arn', test: 'like', negated: true }],
    ['Null', { family: 'null', test: 'null' }],
  ])('describes %s when looked up', (name, expected) => {
    expect(findConditionOperator(name)).toMatchObject({ name, ...expected })
  })
})

describe('parseConditionOperator', () => {
  it.each([
    ['StringEquals', 'StringEquals', undefined, false],
    ['stringequals', 'StringEquals', undefined, false],
    ['StringLikeIfExists', 'StringLike', undefined, true],
    ['ForAnyValue:StringLike', 'StringLike', 'ForAnyValue', false],
    ['ForAllValues:StringNotEqualsIfExists', 'StringNotEquals', 'ForAllValues', true],
    ['forallvalues:arnlikeifexists', 'ArnLike', 'ForAllValues', true],
    ['Null', 'Null', undefined, false],
    ['BoolIfExists', 'Bool', undefined, true],
  ])('parses %s into base %s when the name is valid', (operator, base, set, ifExists) => {
    expect(parseConditionOperator(operator)).toMatchObject({
      operator,
      baseOperator: base,
      setOperator: set,
      ifExists,
    })
  })

  it.each([
    'StringEqual',
    'StringLikee',
    'NullIfExists',
    'ForAnyValues:StringLike',
    'ForAnyValue:',
    'IfExists',
    'StringEquals ',
    '',
    'ForAnyValue:ForAllValues:StringLike',
  ])('returns undefined when the operator %j is not valid', (operator) => {
    expect(parseConditionOperator(operator)).toBeUndefined()
  })
})

describe('allOperatorSpellings', () => {
  it('includes prefixed and IfExists forms but never NullIfExists when listed', () => {
    const all = allOperatorSpellings()
    expect(all).toContain('ForAnyValue:StringLikeIfExists')
    expect(all).toContain('Null')
    expect(all).not.toContain('NullIfExists')
    expect(all.every((s) => parseConditionOperator(s) !== undefined)).toBe(true)
  })
})
