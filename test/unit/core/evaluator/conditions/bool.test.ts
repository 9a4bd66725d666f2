// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const key = 'aws:SecureTransport'

const cases: OperatorCase[] = [
  { operator: 'Bool', when: 'both are true', key, policy: 'true', request: 'true', expected: true },
  { operator: 'Bool', when: 'the case differs', key, policy: 'True', request: 'TRUE', expected: true },
  { operator: 'Bool', when: 'the values differ', key, policy: 'false', request: 'true', expected: false },
  { operator: 'Bool', when: 'the key is absent', key, policy: 'false', expected: false },
  {
    operator: 'Bool',
    when: 'the request value is not a boolean',
    key,
    policy: 'true',
    request: 'yes',
    expected: false,
    errors: ['condition-request-value-invalid'],
  },
  {
    operator: 'Bool',
    when: 'the policy value is not a boolean',
    key,
    policy: 'yes',
    request: 'true',
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'Bool',
    when: 'a policy variable would equal the request (variables are not substituted in Bool)',
    key,
    policy: '${aws:SecureTransport}',
    request: 'true',
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'BoolIfExists',
    when: 'the key is absent (F.11, long-term keys)',
    key: 'aws:MultiFactorAuthPresent',
    policy: 'false',
    expected: true,
  },
  {
    operator: 'BoolIfExists',
    when: 'the key is present and true',
    key: 'aws:MultiFactorAuthPresent',
    policy: 'false',
    request: 'true',
    expected: false,
  },
]

describe('Bool condition operator', () => {
  runOperatorTable(cases)
})
