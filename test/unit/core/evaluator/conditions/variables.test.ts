// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import { describe, expect, it } from 'vitest'
import { compileConditionTest } from '../../../../../core/evaluator/conditions/index.ts'
import { conditionTest, contextOf, type OperatorCase, runOperatorTable } from './operator-table.ts'

const key = 's3:prefix'
const alice = { 'aws:username': 'alice' }

const cases: OperatorCase[] = [
  {
    operator: 'StringEquals',
    when: 'a variable is substituted',
    key,
    policy: 'home/${aws:username}',
    request: 'home/alice',
    context: alice,
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the variable name differs in case',
    key,
    policy: 'home/${AWS:UserName}',
    request: 'home/alice',
    context: alice,
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the substituted value differs',
    key,
    policy: 'home/${aws:username}',
    request: 'home/bob',
    context: alice,
    expected: false,
  },
  {
    operator: 'StringEquals',
    when: 'a default replaces an absent tag',
    key,
    policy: "${aws:PrincipalTag/team, 'company-wide'}",
    request: 'company-wide',
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the tag is present despite a default',
    key,
    policy: "${aws:PrincipalTag/team, 'company-wide'}",
    request: 'company-wide',
    context: { 'aws:PrincipalTag/team': 'data' },
    expected: false,
  },
  {
    operator: 'StringEquals',
    when: 'the variable has no value (null)',
    key,
    policy: 'home/${aws:username}',
    request: 'home/',
    expected: false,
    unresolved: ['aws:username'],
    reason: 'variable-unresolved',
  },
  {
    operator: 'StringNotEquals',
    when: 'the variable has no value (null matches nothing)',
    key,
    policy: 'home/${aws:username}',
    request: 'home/',
    expected: true,
    unresolved: ['aws:username'],
  },
  {
    operator: 'StringLike',
    when: 'the variable has no value but another value matches',
    key,
    policy: ['home/${aws:username}/*', 'public/*'],
    request: 'public/x',
    expected: true,
    unresolved: ['aws:username'],
  },
  {
    operator: 'StringNotLike',
    when: 'the variable has no value and the other value matches',
    key,
    policy: ['home/${aws:username}/*', 'public/*'],
    request: 'public/x',
    expected: false,
    unresolved: ['aws:username'],
  },
  {
    operator: 'StringLike',
    when: 'the substituted glob matches',
    key,
    policy: 'home/${aws:username}/*',
    request: 'home/alice/docs/a.txt',
    context: alice,
    expected: true,
  },
  {
    operator: 'StringLike',
    when: 'a star in the variable value is literal',
    key,
    policy: 'home/${aws:username}/*',
    request: 'home/ab/x',
    context: { 'aws:username': 'a*' },
    expected: false,
  },
  {
    operator: 'StringLike',
    when: 'a star in the variable value meets a literal star',
    key,
    policy: 'home/${aws:username}/*',
    request: 'home/a*/x',
    context: { 'aws:username': 'a*' },
    expected: true,
  },
  {
    operator: 'StringLike',
    when: 'the ${*} escape is a literal star',
    key,
    policy: 'a${*}',
    request: 'ab',
    expected: false,
  },
  {
    operator: 'StringLike',
    when: 'the ${*} escape meets a star',
    key,
    policy: 'a${*}',
    request: 'a*',
    expected: true,
  },
  {
    operator: 'StringLike',
    when: 'the ${?} escape meets a question mark',
    key,
    policy: 'a${?}*',
    request: 'a?bc',
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the ${$} escape is a dollar sign',
    key,
    policy: 'cost${$}',
    request: 'cost$',
    expected: true,
  },
  {
    operator: 'StringLike',
    when: 'escapes and a variable mix with a backslash',
    key,
    policy: '\\${aws:username}${*}',
    request: '\\alice*',
    context: alice,
    expected: true,
  },
  {
    operator: 'StringEqualsIgnoreCase',
    when: 'the substituted value differs only in case',
    key,
    policy: '${aws:PrincipalTag/team}',
    request: 'DATA',
    context: { 'aws:PrincipalTag/team': 'data' },
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the Version is 2008-10-17 (the variable is literal text)',
    key,
    policy: 'home/${aws:username}',
    request: 'home/alice',
    context: alice,
    version: '2008-10-17',
    expected: false,
  },
  {
    operator: 'StringEquals',
    when: 'the Version is 2008-10-17 and the text is literal',
    key,
    policy: 'home/${aws:username}',
    request: 'home/${aws:username}',
    context: alice,
    version: '2008-10-17',
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'there is no Version (the variable is literal text)',
    key,
    policy: 'home/${aws:username}',
    request: 'home/alice',
    context: alice,
    version: 'none',
    expected: false,
  },
  {
    operator: 'StringLike',
    when: 'there is no Version and ${*} is literal text',
    key,
    policy: 'a${*}',
    request: 'a${*}',
    version: 'none',
    expected: true,
  },
  {
    operator: 'StringEquals',
    when: 'the variable names a multivalued key',
    key,
    policy: '${aws:TagKeys}',
    request: 'a',
    context: { 'aws:TagKeys': ['a', 'b'] },
    expected: false,
    errors: ['condition-variable-multivalued'],
  },
  {
    operator: 'StringEquals',
    when: 'a multivalued variable has a default',
    key,
    policy: "${aws:TagKeys, 'none'}",
    request: 'none',
    context: { 'aws:TagKeys': ['a'] },
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'the substituted value is not an ARN',
    key: 'aws:SourceArn',
    policy: '${aws:PrincipalTag/arn}',
    request: 'arn:aws:s3:::b',
    context: { 'aws:PrincipalTag/arn': 'nope' },
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'ArnEquals',
    when: 'the substituted ARN is equal',
    key: 'aws:SourceArn',
    policy: 'arn:aws:s3:::${aws:PrincipalTag/bucket}',
    request: 'arn:aws:s3:::data',
    context: { 'aws:PrincipalTag/bucket': 'data' },
    expected: true,
  },
  {
    operator: 'NumericEquals',
    when: 'a variable would be equal (not substituted in Numeric)',
    key: 'test:n',
    policy: '${test:m}',
    request: '1',
    context: { 'test:m': '1' },
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'IpAddress',
    when: 'a variable would be equal (not substituted in IpAddress)',
    key: 'aws:SourceIp',
    policy: '${test:ip}',
    request: '10.0.0.1',
    context: { 'test:ip': '10.0.0.1' },
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'StringEquals',
    when: 'the key is absent (variables are not needed)',
    key,
    policy: '${aws:username}',
    expected: false,
  },
]

describe('policy variables in condition values', () => {
  runOperatorTable(cases)

  it('resolves the variables again for each request when the compiled test is reused', () => {
    const compiled = compileConditionTest(
      conditionTest('StringLike', key, 'home/${aws:username}/*'),
      '2012-10-17',
    )
    const users = ['alice', 'bob', 'alice', 'carol', 'bob']
    for (const user of users) {
      expect(compiled(contextOf({ 'aws:username': user, [key]: `home/${user}/x` })).matched).toBe(true)
      expect(compiled(contextOf({ 'aws:username': user, [key]: 'home/dave/x' })).matched).toBe(false)
    }
  })

  it('shows the policy values after substitution when traced', () => {
    const test = conditionTest('StringEquals', key, ['home/${aws:username}', 'x/${aws:userid}', 'a${*}'])
    const r = compileConditionTest(test, '2012-10-17')(contextOf({ ...alice, [key]: 'home/alice' }), true)
    expect(r.detail?.policyValues).toEqual(['home/alice', null, 'a*'])
    expect(r.detail?.requestValues).toEqual(['home/alice'])
    expect(r.unresolvedVariables).toEqual(['aws:userid'])
  })
})
