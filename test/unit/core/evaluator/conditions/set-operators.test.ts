import { describe, expect, it } from 'vitest'
import { compileConditionTest } from '../../../../../core/evaluator/conditions/index.ts'
import { conditionTest, contextOf, type OperatorCase, runOperatorTable } from './operator-table.ts'

const key = 'aws:TagKeys'

const cases: OperatorCase[] = [
  // aws-iam-facts B.4: Deny with ForAllValues:StringNotLike {aws:TagKeys: "key1*"}
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'every tag key matches the glob (B.4 [key1:legal])',
    key,
    policy: 'key1*',
    request: ['key1:legal'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'every tag key matches the glob (B.4 [key1:hr, key1:personnel])',
    key,
    policy: 'key1*',
    request: ['key1:hr', 'key1:personnel'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'no tag key matches the glob (B.4 [key2:audit])',
    key,
    policy: 'key1*',
    request: ['key2:audit'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'the tag keys are absent (B.4)',
    key,
    policy: 'key1*',
    expected: true,
    reason: 'for-all-values-empty',
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'one tag key matches and one does not',
    key,
    policy: 'key1*',
    request: ['key1:a', 'key2:b'],
    expected: false,
  },
  // F.5 / F.6
  {
    operator: 'ForAllValues:StringEquals',
    when: 'the request has no tag keys (F.5, absent)',
    key,
    policy: 'a',
    expected: true,
  },
  {
    operator: 'ForAllValues:StringEquals',
    when: 'the request has an empty tag key list (F.5)',
    key,
    policy: 'a',
    request: [],
    expected: true,
    missing: null,
    reason: 'for-all-values-empty',
  },
  {
    operator: 'ForAllValues:StringEquals',
    when: 'the only value is the empty string',
    key,
    policy: 'a',
    request: [''],
    expected: true,
    reason: 'for-all-values-empty',
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'the request has no tag keys (F.6, absent)',
    key,
    policy: 'a',
    expected: false,
    reason: 'for-any-value-empty',
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'the request has an empty tag key list (F.6)',
    key,
    policy: 'a',
    request: [],
    expected: false,
    missing: null,
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'the only value is the empty string',
    key,
    policy: '',
    request: [''],
    expected: false,
  },
  // Subset and intersection
  {
    operator: 'ForAllValues:StringEquals',
    when: 'every request value is listed',
    key,
    policy: ['a', 'b', 'c'],
    request: ['a', 'b'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringEquals',
    when: 'one request value is not listed',
    key,
    policy: ['a'],
    request: ['a', 'b'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringLike',
    when: 'every value matches a glob',
    key,
    policy: 'Created*',
    request: ['CreatedBy', 'CreatedAt'],
    expected: true,
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'one request value is listed',
    key,
    policy: ['x'],
    request: ['a', 'x'],
    expected: true,
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'no request value is listed',
    key,
    policy: ['x'],
    request: ['a', 'b'],
    expected: false,
  },
  {
    operator: 'ForAnyValue:StringNotEquals',
    when: 'some request value is not listed',
    key,
    policy: 'a',
    request: ['a', 'b'],
    expected: true,
  },
  {
    operator: 'ForAnyValue:StringNotEquals',
    when: 'every request value is listed',
    key,
    policy: ['a', 'b'],
    request: ['a', 'b'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringNotEquals',
    when: 'no request value is listed',
    key,
    policy: 'c',
    request: ['a', 'b'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringNotEquals',
    when: 'one request value is listed',
    key,
    policy: 'c',
    request: ['a', 'c'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringEqualsIfExists',
    when: 'the key is absent',
    key,
    policy: 'a',
    expected: true,
  },
  {
    operator: 'ForAnyValue:StringEqualsIfExists',
    when: 'the key is absent (IfExists wins)',
    key,
    policy: 'a',
    expected: true,
    reason: 'if-exists-key-missing',
  },
  {
    operator: 'ForAnyValue:StringEqualsIfExists',
    when: 'the key is present and nothing is listed',
    key,
    policy: 'a',
    request: ['b'],
    expected: false,
  },
  {
    operator: 'ForAnyValue:NumericLessThan',
    when: 'one number is small enough',
    key: 'test:Numbers',
    policy: '10',
    request: ['50', '5'],
    expected: true,
  },
  {
    operator: 'ForAllValues:NumericLessThan',
    when: 'one number is too large',
    key: 'test:Numbers',
    policy: '10',
    request: ['50', '5'],
    expected: false,
  },
  {
    operator: 'ForAllValues:ArnLike',
    when: 'every ARN matches',
    key: 'test:Arns',
    policy: 'arn:aws:s3:::b/*',
    request: ['arn:aws:s3:::b/1', 'arn:aws:s3:::b/2'],
    expected: true,
  },
  {
    operator: 'ForAnyValue:IpAddress',
    when: 'one address is in the block',
    key: 'test:Ips',
    policy: '10.0.0.0/8',
    request: ['192.0.2.1', '10.0.0.1'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringEquals',
    when: 'the key is single-valued and equal',
    key: 'aws:RequestTag/env',
    policy: 'dev',
    request: 'dev',
    expected: true,
  },
  // A plain operator meeting several request values is evaluated as ForAnyValue
  {
    operator: 'StringEquals',
    when: 'one of several request values is equal (implicit ForAnyValue)',
    key,
    policy: 'b',
    request: ['a', 'b'],
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'none of several request values is equal',
    key,
    policy: 'c',
    request: ['a', 'b'],
    expected: false,
  },
  {
    operator: 'StringNotEquals',
    when: 'some of several request values is not listed (implicit ForAnyValue)',
    key,
    policy: 'a',
    request: ['a', 'b'],
    expected: true,
  },
  {
    operator: 'StringNotEquals',
    when: 'every one of several request values is listed',
    key,
    policy: ['a', 'b'],
    request: ['a', 'b'],
    expected: false,
  },
]

describe('ForAllValues and ForAnyValue', () => {
  runOperatorTable(cases)

  it('notes an implicit ForAnyValue when a plain operator meets several request values', () => {
    const test = conditionTest('StringEquals', key, 'b')
    const r = compileConditionTest(test, '2012-10-17')(contextOf({ [key]: ['a', 'b'] }), true)
    expect(r.detail?.implicitForAnyValue).toBe(true)
    const single = compileConditionTest(test, '2012-10-17')(contextOf({ [key]: ['b'] }), true)
    expect(single.detail?.implicitForAnyValue).toBeUndefined()
  })
})
