import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const cases: OperatorCase[] = [
  {
    operator: 'StringEquals',
    when: 'the tag-key part differs in case from the context key',
    key: 'aws:ResourceTag/TagKey1',
    policy: 'v',
    context: { 'aws:resourcetag/tagkey1': 'v' },
    missing: null,
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the tag value differs in case (values are case-sensitive)',
    key: 'aws:ResourceTag/TagKey1',
    policy: 'v',
    context: { 'aws:resourcetag/tagkey1': 'V' },
    missing: null,
    expected: false,
  },
  {
    operator: 'IpAddress',
    when: 'the key name is written in upper case',
    key: 'AWS:SOURCEIP',
    policy: '10.0.0.0/8',
    context: { 'aws:sourceip': '10.1.1.1' },
    missing: null,
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the key is absent and reported in lower case',
    key: 'aws:PrincipalTag/Team',
    policy: 'x',
    expected: false,
    missing: 'aws:principaltag/team',
  },
  {
    operator: 'StringNotLike',
    when: 'the negated key is absent and still reported missing',
    key: 'aws:RequestTag/Env',
    policy: 'x*',
    expected: true,
    missing: 'aws:requesttag/env',
  },
  {
    operator: 'StringEqualsIfExists',
    when: 'the key is absent and reported missing',
    key: 'aws:RequestTag/Env',
    policy: 'x',
    expected: true,
    missing: 'aws:requesttag/env',
  },
  {
    operator: 'Null',
    when: 'the key is absent and reported missing',
    key: 'aws:RequestTag/Env',
    policy: 'true',
    expected: true,
    missing: 'aws:requesttag/env',
  },
]

describe('condition key names', () => {
  runOperatorTable(cases)
})
