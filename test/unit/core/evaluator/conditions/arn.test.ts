// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArnLike, splitArn } from '../../../../../core/evaluator/conditions/operators/arn.ts'
import { globMatches } from '../../../../../core/evaluator/wildcard.ts'
import { type OperatorCase, runOperatorTable } from './operator-table.ts'

const key = 'aws:SourceArn'
const TRICKY = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'

const cases: OperatorCase[] = [
  {
    operator: 'ArnLike',
    when: 'the parts match their globs',
    key,
    policy: 'arn:aws:s3:::bucket/*',
    request: 'arn:aws:s3:::bucket/a/b',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'a star would need to cross a colon between parts (F.21)',
    key,
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: TRICKY,
    expected: false,
  },
  {
    operator: 'StringLike',
    when: 'the same pattern is a plain glob (F.21)',
    key,
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: TRICKY,
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'the account part has a wildcard',
    key,
    policy: 'arn:aws:sns:us-east-1:*:topic',
    request: 'arn:aws:sns:us-east-1:123456789012:topic',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'a question mark stands for one character in a part',
    key,
    policy: 'arn:aws:sns:us-east-?:123456789012:topic',
    request: 'arn:aws:sns:us-east-1:123456789012:topic',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'the resource part keeps its colons',
    key,
    policy: 'arn:aws:logs:us-east-1:123456789012:log-group:*',
    request: 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'only the case differs (case-sensitive)',
    key,
    policy: 'arn:aws:iam::123456789012:role/Admin',
    request: 'arn:aws:iam::123456789012:role/admin',
    expected: false,
  },
  {
    operator: 'ArnEquals',
    when: 'it uses wildcards like ArnLike',
    key,
    policy: 'arn:aws:iam::*:role/*',
    request: 'arn:aws:iam::123456789012:role/x',
    expected: true,
  },
  {
    operator: 'ArnEquals',
    when: 'the ARNs are equal',
    key,
    policy: 'arn:aws:iam::123456789012:role/x',
    request: 'arn:aws:iam::123456789012:role/x',
    expected: true,
  },
  {
    operator: 'ArnEquals',
    when: 'the regions differ',
    key,
    policy: 'arn:aws:sns:us-east-1:1:t',
    request: 'arn:aws:sns:us-east-2:1:t',
    expected: false,
  },
  {
    operator: 'ArnLike',
    when: 'the request is not an ARN',
    key,
    policy: 'arn:aws:s3:::*',
    request: 'not-an-arn',
    expected: false,
    errors: ['condition-request-value-invalid'],
  },
  {
    operator: 'ArnLike',
    when: 'the policy is not an ARN',
    key,
    policy: 'bucket/*',
    request: 'arn:aws:s3:::bucket/x',
    expected: false,
    errors: ['condition-policy-value-invalid'],
  },
  {
    operator: 'ArnNotLike',
    when: 'the ARN does not match',
    key,
    policy: 'arn:aws:s3:::bucket/*',
    request: 'arn:aws:s3:::other/x',
    expected: true,
  },
  {
    operator: 'ArnNotLike',
    when: 'the ARN matches one of several (NOR)',
    key,
    policy: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
    request: 'arn:aws:s3:::b/x',
    expected: false,
  },
  { operator: 'ArnNotLike', when: 'the key is absent', key, policy: 'arn:aws:s3:::bucket/*', expected: true },
  {
    operator: 'ArnNotEquals',
    when: 'the ARN matches the pattern',
    key,
    policy: 'arn:aws:iam::*:root',
    request: 'arn:aws:iam::123456789012:root',
    expected: false,
  },
  {
    operator: 'ArnLikeIfExists',
    when: 'the key is absent',
    key,
    policy: 'arn:aws:s3:::bucket/*',
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'a variable fills the resource part',
    key: 'aws:PrincipalArn',
    policy: 'arn:aws:iam::*:role/${aws:PrincipalTag/team}-*',
    request: 'arn:aws:iam::1:role/data-reader',
    context: { 'aws:PrincipalTag/team': 'data' },
    expected: true,
  },
  {
    operator: 'ArnLike',
    when: 'a variable value with a star is literal',
    key: 'aws:PrincipalArn',
    policy: 'arn:aws:iam::*:role/${aws:PrincipalTag/team}',
    request: 'arn:aws:iam::1:role/data',
    context: { 'aws:PrincipalTag/team': 'd*' },
    expected: false,
  },
]

describe('ARN condition operators', () => {
  runOperatorTable(cases)
})

describe('ArnLike matcher', () => {
  const naive = (pattern: string, value: string): boolean | 'error' | undefined => {
    const p = splitArn(pattern)
    if (p === undefined) return undefined
    const v = splitArn(value)
    if (v === undefined) return 'error'
    return p.every((part, i) => globMatches(part, v[i]!))
  }
  const text = (chars: string[]) =>
    fc.array(fc.constantFrom(...chars), { maxLength: 14 }).map((a) => a.join(''))

  it('agrees with a naive per-part glob match when values are random', () => {
    fc.assert(
      fc.property(
        text(['a', 'b', ':', ':', '*', '?', '/']),
        text(['a', 'b', ':', ':', '/', '*']),
        (pattern, value) => {
          const matcher = ArnLike.compile(pattern)
          const expected = naive(pattern, value)
          if (expected === undefined) expect(matcher).toBeUndefined()
          else expect(matcher?.(value)).toBe(expected)
        },
      ),
      { numRuns: 5000 },
    )
  })
})
