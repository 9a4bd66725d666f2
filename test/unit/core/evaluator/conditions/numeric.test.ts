// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const BAD_REQUEST = ['condition-request-value-invalid']
const BAD_POLICY = ['condition-policy-value-invalid']

const cases: OperatorCase[] = [
  { operator: 'NumericEquals', when: 'the numbers are equal', policy: '10', request: '10', expected: true },
  {
    operator: 'NumericEquals',
    when: 'the numbers are equal in different forms',
    policy: '10',
    request: '10.00',
    expected: true,
  },
  {
    operator: 'NumericEquals',
    when: 'the policy has an exponent',
    policy: '1e3',
    request: '1000',
    expected: true,
  },
  { operator: 'NumericEquals', when: 'the numbers differ', policy: '10', request: '11', expected: false },
  { operator: 'NumericEquals', when: 'decimals are equal', policy: '0.5', request: '.5', expected: true },
  {
    operator: 'NumericEquals',
    when: 'the request value is not a number',
    policy: '10',
    request: 'ten',
    expected: false,
    errors: BAD_REQUEST,
    reason: 'value-invalid',
  },
  {
    operator: 'NumericEquals',
    when: 'the request value is empty',
    policy: '0',
    request: '',
    expected: false,
    errors: BAD_REQUEST,
  },
  {
    operator: 'NumericEquals',
    when: 'the policy value is not a number',
    policy: 'ten',
    request: '10',
    expected: false,
    errors: BAD_POLICY,
  },
  {
    operator: 'NumericEquals',
    when: 'a policy variable is not substituted',
    policy: '${aws:Foo}',
    request: '5',
    context: { 'aws:foo': '5' },
    expected: false,
    errors: BAD_POLICY,
  },
  { operator: 'NumericNotEquals', when: 'the numbers differ', policy: '10', request: '11', expected: true },
  {
    operator: 'NumericNotEquals',
    when: 'the numbers are equal',
    policy: '10',
    request: '10',
    expected: false,
  },
  {
    operator: 'NumericNotEquals',
    when: 'the number equals one of several (NOR)',
    policy: ['1', '2'],
    request: '2',
    expected: false,
  },
  { operator: 'NumericNotEquals', when: 'the key is absent', policy: '10', expected: true },
  {
    operator: 'NumericNotEquals',
    when: 'the request value is not a number (invalid values satisfy a negated operator)',
    policy: '10',
    request: 'x',
    expected: true,
    errors: BAD_REQUEST,
  },
  {
    operator: 'NumericLessThan',
    when: 'the request is smaller',
    policy: '3600',
    request: '100',
    expected: true,
  },
  {
    operator: 'NumericLessThan',
    when: 'the request is equal',
    policy: '3600',
    request: '3600',
    expected: false,
  },
  {
    operator: 'NumericLessThan',
    when: 'the key is absent (F.29, long-term keys)',
    key: 'aws:MultiFactorAuthAge',
    policy: '3600',
    expected: false,
  },
  {
    operator: 'NumericLessThanEquals',
    when: 'the request is equal',
    policy: '3600',
    request: '3600',
    expected: true,
  },
  {
    operator: 'NumericLessThanEquals',
    when: 'the request is larger',
    policy: '3600',
    request: '3601',
    expected: false,
  },
  {
    operator: 'NumericGreaterThan',
    when: 'the request is larger',
    policy: '-1.5',
    request: '-1',
    expected: true,
  },
  {
    operator: 'NumericGreaterThan',
    when: 'the request is equal',
    policy: '5',
    request: '5',
    expected: false,
  },
  {
    operator: 'NumericGreaterThanEquals',
    when: 'the request is equal',
    policy: '5',
    request: '5.0',
    expected: true,
  },
  {
    operator: 'NumericGreaterThanEquals',
    when: 'the request is smaller',
    policy: '5',
    request: '4.999',
    expected: false,
  },
  { operator: 'NumericLessThanIfExists', when: 'the key is absent', policy: '5', expected: true },
  {
    operator: 'NumericLessThan',
    when: 'one of several policy values is larger (OR)',
    policy: ['1', '100'],
    request: '50',
    expected: true,
  },
]

describe('numeric condition operators', () => {
  runOperatorTable(cases)
})
