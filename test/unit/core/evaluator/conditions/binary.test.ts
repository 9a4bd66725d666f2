import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const cases: OperatorCase[] = [
  {
    operator: 'BinaryEquals',
    when: 'the encodings are equal',
    policy: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==',
    request: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==',
    expected: true,
  },
  {
    operator: 'BinaryEquals',
    when: 'the padding differs but the bytes are equal',
    policy: 'YWI=',
    request: 'YWI',
    expected: true,
  },
  { operator: 'BinaryEquals', when: 'the bytes differ', policy: 'YWI=', request: 'YWM=', expected: false },
  { operator: 'BinaryEquals', when: 'both are empty', policy: '', request: '', expected: true },
  {
    operator: 'BinaryEquals',
    when: 'the request is not base64',
    policy: 'YWI=',
    request: 'not base64!',
    expected: false,
    errors: ['condition-request-value-invalid'],
  },
  {
    operator: 'BinaryEquals',
    when: 'the policy is not base64',
    policy: 'a',
    request: 'YWI=',
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  { operator: 'BinaryEquals', when: 'the key is absent', policy: 'YWI=', expected: false },
  { operator: 'BinaryEqualsIfExists', when: 'the key is absent', policy: 'YWI=', expected: true },
]

describe('BinaryEquals condition operator', () => {
  runOperatorTable(cases)
})
