import { describe, expect, it } from 'vitest'
import { lintPolicy } from '../../../../../core/policy/lint/lint-policy.ts'
import type { PolicyKind } from '../../../../../core/policy/types.ts'
import { parse } from './lint-fixtures.ts'

const lint = (statement: Record<string, unknown>, kind: PolicyKind = 'identity') => {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
  return lintPolicy(parse(text, kind), { kind, text }).filter((i) => i.code === 'broad-wildcard')
}

const BUCKET = 'arn:aws:s3:::b/*'

describe('broad-wildcard', () => {
  it.each<[string, Record<string, unknown>, PolicyKind, string, string]>([
    [
      'Allow + NotAction on every resource',
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      'identity',
      'Statement[0].NotAction',
      'in every AWS service',
    ],
    [
      'Allow * on *',
      { Effect: 'Allow', Action: '*', Resource: '*' },
      'identity',
      'Statement[0].Action',
      'full administrator access',
    ],
    [
      'Allow service:* on *',
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:*'], Resource: ['*'] },
      'identity',
      'Statement[0].Action[1]',
      'every `s3` action on every resource',
    ],
    [
      'Allow + NotResource',
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: BUCKET },
      'identity',
      'Statement[0].NotResource',
      'every resource except those listed',
    ],
    [
      'iam:PassRole on *',
      { Effect: 'Allow', Action: ['iam:GetRole', 'iam:PassRole'], Resource: '*' },
      'identity',
      'Statement[0].Action[1]',
      'for every role in the account',
    ],
    [
      'an iam:Pass* pattern on *',
      { Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' },
      'identity',
      'Statement[0].Action',
      '`iam:PassRole` for every role',
    ],
    [
      'Principal * without a condition in a resource policy',
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: BUCKET },
      'resource',
      'Statement[0].Principal',
      'anonymous, unsigned requests',
    ],
    [
      'Principal {AWS: *} without a condition in a trust policy',
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
      'trust',
      'Statement[0].Principal',
      'any principal in any AWS account assume this role',
    ],
  ])('warns about %s', (_name, statement, kind, path, fragment) => {
    const issues = lint(statement, kind)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path, severity: 'warning' })
    expect(issues[0]?.message).toContain(fragment)
    expect(issues[0]?.span?.line).toBeGreaterThan(0)
  })

  it.each<[string, Record<string, unknown>, PolicyKind]>([
    ['a Deny with NotAction', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }, 'identity'],
    [
      'Allow + NotAction on listed resources',
      { Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: BUCKET },
      'identity',
    ],
    ['Allow s3:* on one bucket', { Effect: 'Allow', Action: 's3:*', Resource: BUCKET }, 'identity'],
    ['Allow s3:Get* on *', { Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, 'identity'],
    ['a Deny with NotResource', { Effect: 'Deny', Action: 's3:*', NotResource: BUCKET }, 'identity'],
    [
      'iam:PassRole on a role ARN',
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app' },
      'identity',
    ],
    [
      'Principal * with a condition',
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: BUCKET,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
      },
      'resource',
    ],
    [
      'Principal * in a Deny',
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BUCKET },
      'resource',
    ],
    [
      'an account principal',
      { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' },
      'trust',
    ],
  ])('stays quiet about %s', (_name, statement, kind) => {
    expect(lint(statement, kind)).toEqual([])
  })

  it('reports Action * once on * rather than again as iam:PassRole', () => {
    expect(lint({ Effect: 'Allow', Action: ['*', 'iam:*'], Resource: '*' })).toHaveLength(2)
  })

  it('adds the administrator warning to NotResource when the actions are *', () => {
    const [issue] = lint({ Effect: 'Allow', Action: '*', NotResource: BUCKET })
    expect(issue?.message).toContain('close to full administrator access')
  })

  it('uses `Statement` as the path when the statement is a lone object', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    })
    const [issue] = lintPolicy(parse(text), { kind: 'identity', text })
    expect(issue?.path).toBe('Statement.Action')
  })
})

describe('lintBroadWildcards on capping policies', () => {
  it.each(['scp', 'rcp', 'boundary'] as const)(
    'flags nothing in a %s, whose Allow only caps other grants',
    (kind) => {
      const doc = parse(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
        kind,
      )
      expect(lintPolicy(doc, { kind }).filter((i) => i.code === 'broad-wildcard')).toEqual([])
    },
  )
})
