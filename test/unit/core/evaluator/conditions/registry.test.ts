import { describe, expect, it } from 'vitest'
import {
  CONDITION_OPERATOR_REGISTRY,
  findConditionOperator,
} from '../../../../../core/evaluator/conditions/index.ts'

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
}

describe('condition operator registry', () => {
  it('holds every documented base operator once', () => {
    const names = CONDITION_OPERATOR_REGISTRY.map((op) => op.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toHaveLength(27)
  })

  it('finds operators when the name is written in any case', () => {
    expect(findConditionOperator('stringnotequalsignorecase')?.name).toBe('StringNotEqualsIgnoreCase')
    expect(findConditionOperator('NULL')?.name).toBe('Null')
    expect(findConditionOperator('StringEqualsIfExists')).toBeUndefined()
  })

  it('derives each negated operator from its positive form when it is registered', () => {
    for (const op of CONDITION_OPERATOR_REGISTRY) {
      const positive = NEGATED[op.name]
      expect(op.negated).toBe(positive !== undefined)
      if (positive !== undefined) expect(op.compile).toBe(findConditionOperator(positive)?.compile)
    }
  })

  it('allows policy variables only in String and Arn operators when it is registered', () => {
    for (const op of CONDITION_OPERATOR_REGISTRY) {
      expect(op.allowsVariables).toBe(op.family === 'string' || op.family === 'arn')
    }
  })
})
