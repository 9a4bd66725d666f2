import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const key = 'aws:TokenIssueTime'

const cases: OperatorCase[] = [
  {
    operator: 'Null',
    when: 'true and the key is absent',
    key,
    policy: 'true',
    expected: true,
    reason: 'null-key-absent',
  },
  {
    operator: 'Null',
    when: 'true and the key is present',
    key,
    policy: 'true',
    request: '2024-01-01T00:00:00Z',
    expected: false,
    reason: 'null-key-present',
  },
  {
    operator: 'Null',
    when: 'false and the key is present',
    key,
    policy: 'false',
    request: '2024-01-01T00:00:00Z',
    expected: true,
  },
  { operator: 'Null', when: 'false and the key is absent', key, policy: 'false', expected: false },
  {
    operator: 'Null',
    when: 'false and the key has no values',
    key: 'aws:TagKeys',
    policy: 'false',
    request: { values: [], multi: true },
    expected: false,
    missing: null,
  },
  {
    operator: 'Null',
    when: 'true and the key only holds an empty string',
    key: 'aws:RequestTag/team',
    policy: 'true',
    request: '',
    expected: true,
    missing: null,
  },
  {
    operator: 'Null',
    when: 'the policy value is written in upper case',
    key,
    policy: 'TRUE',
    expected: true,
  },
  {
    operator: 'Null',
    when: 'the policy value is not a boolean',
    key,
    policy: 'maybe',
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'Null',
    when: 'both true and false are listed (OR)',
    key,
    policy: ['true', 'false'],
    request: 'x',
    expected: true,
  },
]

describe('Null condition operator', () => {
  runOperatorTable(cases)
})
