// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import { describe, expect, it } from 'vitest'
import {
  compileConditionBlock,
  evaluateConditionBlockReference,
} from '../../../../../core/evaluator/conditions/index.ts'
import type { ConditionBlockMode } from '../../../../../core/evaluator/conditions/types.ts'
import { conditionTest, contextOf } from './operator-table.ts'

const presentFails = conditionTest('StringEquals', 'test:A', 'yes')
const presentMatches = conditionTest('StringEquals', 'test:A', 'no')
const missingFails = conditionTest('StringEquals', 'test:Missing', 'x')
const missingMatches = conditionTest('StringNotEquals', 'test:Missing2', 'x')
const badValue = conditionTest('NumericEquals', 'test:A', 'ten')
const context = contextOf({ 'test:a': 'no' })

const both = (tests: Parameters<typeof compileConditionBlock>[0], mode?: ConditionBlockMode | boolean) => {
  const compiled = compileConditionBlock(tests, '2012-10-17')(context, mode)
  const reference = evaluateConditionBlockReference(tests, context, '2012-10-17', mode)
  expect({ ...compiled, detail: undefined }).toEqual({ ...reference, detail: undefined })
  return compiled
}

describe('compileConditionBlock', () => {
  it('matches with a shared constant when the block is empty or every test matches', () => {
    const first = compileConditionBlock([presentMatches, presentMatches], '2012-10-17')(context)
    const second = compileConditionBlock([presentMatches], '2012-10-17')(context)
    expect(first.matched).toBe(true)
    expect(first).toBe(second)
    expect(compileConditionBlock([], undefined)(context)).toBe(first)
    expect(first.missingKeys).toEqual([])
  })

  it('stops and reports no missing key when a test fails with its key present', () => {
    const r = both([presentFails, missingFails])
    expect(r).toMatchObject({ matched: false, missingKeys: [], failedWithKeysPresent: true })
  })

  it('reports every missing key when only missing keys make the block false', () => {
    const r = both([missingFails, presentMatches, missingMatches])
    expect(r).toMatchObject({
      matched: false,
      missingKeys: ['test:missing', 'test:missing2'],
      failedWithKeysPresent: false,
    })
  })

  it('collects every missing key in collect-missing mode even after a definite failure', () => {
    const r = both([presentFails, missingFails], 'collect-missing')
    expect(r).toMatchObject({ matched: false, missingKeys: ['test:missing'], failedWithKeysPresent: true })
  })

  it('matches and still reports the key when a negated test meets an absent key', () => {
    const r = both([missingMatches, presentMatches])
    expect(r).toMatchObject({ matched: true, missingKeys: ['test:missing2'], failedWithKeysPresent: false })
  })

  it('lists a missing key once when several tests need it', () => {
    const r = both([missingMatches, missingMatches])
    expect(r.missingKeys).toEqual(['test:missing2'])
  })

  it('adds one detail per test in trace mode', () => {
    const r = both([presentFails, missingFails], true)
    expect(r.detail?.map((d) => [d.operator, d.key, d.matched, d.reason])).toEqual([
      ['StringEquals', 'test:A', false, 'condition-not-matched'],
      ['StringEquals', 'test:Missing', false, 'key-missing'],
    ])
  })

  it('returns the errors of its tests when a value is invalid', () => {
    const r = both([badValue, presentMatches], 'collect-missing')
    expect(r.errors.map((e) => e.code)).toEqual(['condition-policy-value-invalid'])
    expect(r.matched).toBe(false)
  })

  it('reports an unresolved variable as a missing key', () => {
    const r = both([conditionTest('StringEquals', 'test:A', '${aws:username}')])
    expect(r).toMatchObject({ matched: false, missingKeys: ['aws:username'], failedWithKeysPresent: false })
  })
})
