import { describe } from 'vitest'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

/** The condition parts of aws-iam-facts section F, as single condition tests */
const cases: OperatorCase[] = [
  {
    operator: 'StringNotEquals',
    when: 'the principal has no team tag (F.1)',
    key: 'aws:PrincipalTag/team',
    policy: 'x',
    expected: true,
    missing: 'aws:principaltag/team',
  },
  {
    operator: 'StringEquals',
    when: 'the principal has no team tag (F.2)',
    key: 'aws:PrincipalTag/team',
    policy: 'x',
    expected: false,
    missing: 'aws:principaltag/team',
  },
  {
    operator: 'StringNotEqualsIfExists',
    when: 'the resource has no env tag (F.3: the Deny applies)',
    key: 'aws:ResourceTag/env',
    policy: 'dev',
    expected: true,
  },
  {
    operator: 'StringLikeIfExists',
    when: 'the resource type lacks the key (F.4)',
    key: 'ec2:InstanceType',
    policy: ['t2.*'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringEquals',
    when: 'there are no tag keys (F.5)',
    key: 'aws:TagKeys',
    policy: ['a'],
    expected: true,
  },
  {
    operator: 'ForAnyValue:StringEquals',
    when: 'there are no tag keys (F.6)',
    key: 'aws:TagKeys',
    policy: ['a'],
    expected: false,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'TagKeys = [key2:audit] (F.7: denied)',
    key: 'aws:TagKeys',
    policy: 'key1*',
    request: ['key2:audit'],
    expected: true,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'TagKeys is absent (F.7: denied)',
    key: 'aws:TagKeys',
    policy: 'key1*',
    expected: true,
  },
  {
    operator: 'ForAllValues:StringNotLike',
    when: 'TagKeys = [key1:legal] (F.7: allowed)',
    key: 'aws:TagKeys',
    policy: 'key1*',
    request: ['key1:legal'],
    expected: false,
  },
  {
    operator: 'StringNotEquals',
    when: 'role = audit (F.8: NOR)',
    key: 'aws:PrincipalTag/role',
    policy: ['audit', 'security'],
    request: 'audit',
    expected: false,
  },
  {
    operator: 'StringNotEquals',
    when: 'role = dev (F.8: NOR)',
    key: 'aws:PrincipalTag/role',
    policy: ['audit', 'security'],
    request: 'dev',
    expected: true,
  },
  {
    operator: 'BoolIfExists',
    when: 'long-term keys lack MultiFactorAuthPresent (F.11: the Deny applies)',
    key: 'aws:MultiFactorAuthPresent',
    policy: 'false',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'the pattern would match across parts (F.21)',
    key: 'aws:SourceArn',
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    expected: false,
  },
  {
    operator: 'StringLike',
    when: 'the same value is a plain glob (F.21)',
    key: 'aws:SourceArn',
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    expected: true,
  },
  {
    operator: 'NumericLessThan',
    when: 'long-term keys lack MultiFactorAuthAge (F.29)',
    key: 'aws:MultiFactorAuthAge',
    policy: '3600',
    expected: false,
  },
]

describe('tricky cases of the facts document', () => {
  runOperatorTable(cases)
})
