import { describe, expect, it } from 'vitest'
import { parseJsonSource } from '../../../../core/policy/parse-json.ts'
import { validatePolicy } from '../../../../core/policy/validate-policy.ts'
import { errorsOf, type RuleCase, valid, withStatement } from './policy-fixtures.ts'

const withCondition = (condition: unknown) => withStatement({ Condition: condition })
const at = (rest: string) => `Statement.Condition.${rest}`

describe('validateCondition', () => {
  it.each<[string, unknown]>([
    ['an empty Condition block', {}],
    [
      'every string operator',
      {
        StringEquals: { 'aws:a': 'x' },
        StringNotEquals: { 'aws:b': ['x', 'y'] },
        StringEqualsIgnoreCase: { 'aws:c': 'X' },
        StringNotEqualsIgnoreCase: { 'aws:d': 'X' },
        StringLike: { 'aws:e': 'x*' },
        StringNotLike: { 'aws:f': '?x' },
      },
    ],
    [
      'numeric operators with numbers and numeric strings',
      {
        NumericLessThan: { 's3:max-keys': '10' },
        NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': 3600 },
        NumericEquals: { 'x:n': [1, '2.5'] },
        NumericNotEquals: { 'x:m': -1 },
        NumericLessThanEquals: { 'x:o': 0 },
        NumericGreaterThan: { 'x:p': 1 },
      },
    ],
    [
      'date operators with ISO dates and epoch seconds',
      {
        DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
        DateLessThan: { 'aws:EpochTime': 1700000000 },
        DateEquals: { 'aws:TokenIssueTime': '2026-07-30' },
        DateNotEquals: { 'aws:x': '2026' },
        DateLessThanEquals: { 'aws:y': '2026-07-30T12:00:00+02:00' },
        DateGreaterThanEquals: { 'aws:z': '1700000000' },
      },
    ],
    [
      'Bool with strings and booleans',
      { Bool: { 'aws:SecureTransport': 'false', 'aws:ViaAWSService': true } },
    ],
    ['BinaryEquals', { BinaryEquals: { 'x:key': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }],
    [
      'IP operators with v4 and v6',
      {
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64', '198.51.100.7'] },
        NotIpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' },
      },
    ],
    [
      'every ARN operator',
      {
        ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:*:t' },
        ArnLike: { 'aws:a': 'arn:aws:*' },
        ArnNotEquals: { 'aws:b': 'x' },
        ArnNotLike: { 'aws:c': 'y' },
      },
    ],
    ['Null', { Null: { 'aws:TokenIssueTime': 'true', 'aws:MultiFactorAuthAge': false } }],
    [
      'IfExists and set prefixes',
      {
        StringLikeIfExists: { 'aws:a': 'x' },
        'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] },
        'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': 'team*' },
        'ForAllValues:NumericLessThan': { 'x:n': 3 },
      },
    ],
    [
      'operator names in other case',
      { stringequals: { 'aws:a': 'x' }, 'forAnyValue:STRINGLIKE': { 'aws:b': 'y' } },
    ],
  ])('accepts a Condition with %s', (_name, condition) => {
    expect(valid(withCondition(condition), 'identity')).toBeDefined()
  })

  it.each<RuleCase>([
    // structure
    [
      'a Condition that is not an object',
      'identity',
      withCondition(['x']),
      [['wrong-type', 'Statement.Condition']],
    ],
    [
      'an operator block that is not an object',
      'identity',
      withCondition({ StringEquals: 'x' }),
      [['wrong-type', at('StringEquals')]],
    ],
    [
      'a null condition value',
      'identity',
      withCondition({ StringEquals: { 'aws:x': null } }),
      [['wrong-type', at('StringEquals.aws:x')]],
    ],
    [
      'an empty condition value array',
      'identity',
      withCondition({ StringEquals: { 'aws:x': [] } }),
      [['wrong-type', at('StringEquals.aws:x')]],
    ],
    [
      'nested condition values',
      'identity',
      withCondition({ StringEquals: { 'aws:x': ['a', ['b'], { c: 1 }] } }),
      [
        ['wrong-type', at('StringEquals.aws:x[1]')],
        ['wrong-type', at('StringEquals.aws:x[2]')],
      ],
    ],
    [
      'an empty condition key',
      'identity',
      withCondition({ StringEquals: { '': 'x' } }),
      [['invalid-condition', at('StringEquals.')]],
    ],
    // operators
    [
      'a misspelled operator',
      'identity',
      withCondition({ StringEqual: { 'aws:x': 'y' } }),
      [['unknown-operator', at('StringEqual')]],
    ],
    [
      'a doubled letter in an operator',
      'identity',
      withCondition({ StringLikee: { 'aws:x': 'y' } }),
      [['unknown-operator', at('StringLikee')]],
    ],
    [
      'a misspelled set operator',
      'identity',
      withCondition({ 'ForAnyValues:StringLike': { 'aws:x': 'y' } }),
      [['unknown-operator', at('ForAnyValues:StringLike')]],
    ],
    [
      'NullIfExists',
      'identity',
      withCondition({ NullIfExists: { 'aws:x': 'true' } }),
      [['unknown-operator', at('NullIfExists')]],
    ],
    [
      'an invented operator with bad values under it',
      'identity',
      withCondition({ Banana: { 'aws:x': null } }),
      [
        ['unknown-operator', at('Banana')],
        ['wrong-type', at('Banana.aws:x')],
      ],
    ],
    // values
    [
      'a non-numeric Numeric value',
      'identity',
      withCondition({ NumericLessThan: { 's3:max-keys': 'ten' } }),
      [['invalid-condition', at('NumericLessThan.s3:max-keys')]],
    ],
    [
      'a boolean Numeric value',
      'identity',
      withCondition({ NumericEquals: { 'x:n': [1, true] } }),
      [['invalid-condition', at('NumericEquals.x:n[1]')]],
    ],
    [
      'a bad date',
      'identity',
      withCondition({ DateGreaterThan: { 'aws:CurrentTime': '04/01/2020' } }),
      [['invalid-condition', at('DateGreaterThan.aws:CurrentTime')]],
    ],
    [
      'a wildcard in a date',
      'identity',
      withCondition({ DateLessThanIfExists: { 'aws:CurrentTime': '2020-*' } }),
      [['invalid-condition', at('DateLessThanIfExists.aws:CurrentTime')]],
    ],
    [
      'a Bool that is not true or false',
      'identity',
      withCondition({ Bool: { 'aws:SecureTransport': 'yes' } }),
      [['invalid-condition', at('Bool.aws:SecureTransport')]],
    ],
    [
      'a bad IP block',
      'identity',
      withCondition({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '10.0.0.0/33', 'localhost'] } }),
      [
        ['invalid-condition', at('IpAddress.aws:SourceIp[1]')],
        ['invalid-condition', at('IpAddress.aws:SourceIp[2]')],
      ],
    ],
    [
      'a Null that is not true or false',
      'identity',
      withCondition({ Null: { 'aws:x': 'absent' } }),
      [['invalid-condition', at('Null.aws:x')]],
    ],
  ])('reports %s when checking a %s policy', (_name, kind, value, expected) => {
    expect(errorsOf(value, kind)).toEqual(expected)
  })

  it('splits conditions into tests with canonical operators and text values when valid', () => {
    const condition = {
      'forAnyValue:stringLikeIfExists': { 'aws:TagKeys': ['team*', 'env'] },
      NumericLessThan: { 's3:max-keys': 10 },
      Bool: { 'aws:SecureTransport': true, 'aws:ViaAWSService': 'False' },
    }
    expect(valid(withCondition(condition), 'identity').statements[0]!.conditions).toEqual([
      expect.objectContaining({
        operator: 'forAnyValue:stringLikeIfExists',
        baseOperator: 'StringLike',
        setOperator: 'ForAnyValue',
        ifExists: true,
        key: 'aws:TagKeys',
        values: ['team*', 'env'],
      }),
      expect.objectContaining({
        operator: 'NumericLessThan',
        baseOperator: 'NumericLessThan',
        setOperator: undefined,
        ifExists: false,
        values: ['10'],
      }),
      expect.objectContaining({ baseOperator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }),
      expect.objectContaining({ baseOperator: 'Bool', key: 'aws:ViaAWSService', values: ['False'] }),
    ])
  })

  it('keeps numbers as written when a condition value is a JSON number', () => {
    const parsed = parseJsonSource(
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"x:n":1.50}}}}',
    )
    if (!parsed.ok) throw new Error('parse failed')
    const result = validatePolicy(parsed.value, 'identity')
    expect(result.ok && result.value.statements[0]!.conditions[0]!.values).toEqual(['1.50'])
  })
})
