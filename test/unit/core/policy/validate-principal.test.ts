import { describe, expect, it } from 'vitest'
import { checkAwsPrincipal } from '../../../../core/policy/validate-principal.ts'
import { doc, errorsOf, RESOURCE, type RuleCase, TRUST, valid, withStatement } from './policy-fixtures.ts'

const inResource = (principal: unknown) => withStatement({ Principal: principal }, RESOURCE)

describe('validatePrincipal', () => {
  it.each<[string, unknown]>([
    ['*', '*'],
    ['AWS *', { AWS: '*' }],
    ['an account id', { AWS: '123456789012' }],
    ['an account root ARN', { AWS: 'arn:aws:iam::123456789012:root' }],
    ['a user ARN with a path', { AWS: 'arn:aws:iam::123456789012:user/div/team/alice' }],
    [
      'role ARNs',
      {
        AWS: ['arn:aws-us-gov:iam::123456789012:role/Admin', 'arn:aws:iam::123456789012:role/a+b=c,d.e@f-g'],
      },
    ],
    ['a role session ARN', { AWS: 'arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com' }],
    ['a federated user ARN', { AWS: 'arn:aws:sts::123456789012:federated-user/bob' }],
    ['unique ids', { AWS: ['AIDAJQABLZS4A3QDU576Q', 'AROAEXAMPLEID12345678'] }],
    [
      'services',
      { Service: ['ecs-tasks.amazonaws.com', 'ec2.amazonaws.com.cn', 'states.us-east-1.amazonaws.com'] },
    ],
    ['identity providers', { Federated: ['cognito-identity.amazonaws.com', 'accounts.google.com'] }],
    [
      'SAML and OIDC provider ARNs',
      {
        Federated: [
          'arn:aws:iam::123456789012:saml-provider/Okta',
          'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
        ],
      },
    ],
    [
      'a canonical user',
      { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
    ],
    ['several keys', { AWS: '123456789012', Service: 'lambda.amazonaws.com' }],
  ])('accepts a Principal of %s when checking a resource policy', (_name, principal) => {
    expect(valid(inResource(principal), 'resource')).toBeDefined()
  })

  it.each<RuleCase>([
    [
      'a Principal string other than *',
      'resource',
      inResource('123456789012'),
      [['invalid-principal', 'Statement.Principal']],
    ],
    ['a Principal array', 'resource', inResource(['*']), [['wrong-type', 'Statement.Principal']]],
    ['an empty Principal object', 'resource', inResource({}), [['invalid-principal', 'Statement.Principal']]],
    [
      'an unknown Principal key',
      'resource',
      inResource({ Aws: '*' }),
      [['invalid-principal', 'Statement.Principal.Aws']],
    ],
    [
      'a wildcard account in a root ARN',
      'resource',
      inResource({ AWS: 'arn:aws:iam::*:root' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'partial wildcards in AWS principals',
      'resource',
      inResource({
        AWS: [
          '123456789012',
          'arn:aws:iam::1111*:user/*',
          'arn:aws:iam::123456789012:role/Ad?min',
          '12345678901*',
        ],
      }),
      [
        ['invalid-principal', 'Statement.Principal.AWS[1]'],
        ['invalid-principal', 'Statement.Principal.AWS[2]'],
        ['invalid-principal', 'Statement.Principal.AWS[3]'],
      ],
    ],
    [
      'a wildcard session in an assumed-role ARN',
      'resource',
      inResource({ AWS: 'arn:aws:sts::123456789012:assumed-role/R/*' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'a group ARN',
      'resource',
      inResource({ AWS: 'arn:aws:iam::123456789012:group/Admins' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'a short account id',
      'resource',
      inResource({ AWS: '12345' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'a principal ARN with a region',
      'resource',
      inResource({ AWS: 'arn:aws:iam:us-east-1:123456789012:root' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'a non-IAM principal ARN',
      'resource',
      inResource({ AWS: 'arn:aws:s3:::bucket' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'a bare user name',
      'resource',
      inResource({ AWS: 'alice' }),
      [['invalid-principal', 'Statement.Principal.AWS']],
    ],
    [
      'an account id as a number',
      'resource',
      inResource({ AWS: 123456789012 }),
      [['wrong-type', 'Statement.Principal.AWS']],
    ],
    [
      'Service *',
      'resource',
      inResource({ Service: '*' }),
      [['invalid-principal', 'Statement.Principal.Service']],
    ],
    [
      'a partial wildcard service',
      'resource',
      inResource({ Service: '*.amazonaws.com' }),
      [['invalid-principal', 'Statement.Principal.Service']],
    ],
    [
      'a service with spaces',
      'resource',
      inResource({ Service: 'ec2 amazonaws com' }),
      [['invalid-principal', 'Statement.Principal.Service']],
    ],
    [
      'a Federated ARN that is not a provider',
      'trust',
      doc({ ...TRUST, Principal: { Federated: 'arn:aws:iam::123456789012:role/x' } }),
      [['invalid-principal', 'Statement.Principal.Federated']],
    ],
    [
      'an empty CanonicalUser',
      'resource',
      inResource({ CanonicalUser: '' }),
      [['invalid-principal', 'Statement.Principal.CanonicalUser']],
    ],
    [
      'a bad NotPrincipal',
      'resource',
      withStatement({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::*:root' } }, RESOURCE),
      [['invalid-principal', 'Statement.NotPrincipal.AWS']],
    ],
  ])('reports %s when checking a %s policy', (_name, kind, value, expected) => {
    expect(errorsOf(value, kind)).toEqual(expected)
  })

  it('fills every principal list when a Principal names several types', () => {
    const principal = {
      AWS: 'arn:aws:iam::123456789012:root',
      Service: ['a.amazonaws.com', 'b.amazonaws.com'],
      Federated: 'accounts.google.com',
      CanonicalUser: 'abc123',
    }
    expect(valid(inResource(principal), 'resource').statements[0]!.principal).toMatchObject({
      everyone: false,
      aws: ['arn:aws:iam::123456789012:root'],
      service: ['a.amazonaws.com', 'b.amazonaws.com'],
      federated: ['accounts.google.com'],
      canonicalUser: ['abc123'],
    })
  })

  it.each([
    ['*', true],
    [{ AWS: '*' }, true],
    [{ AWS: ['123456789012', '*'] }, true],
    [{ AWS: '123456789012' }, false],
  ])('sets everyone from %j when building the set', (principal, everyone) => {
    expect(valid(inResource(principal), 'resource').statements[0]!.principal?.everyone).toBe(everyone)
  })
})

describe('checkAwsPrincipal', () => {
  it('explains partial wildcards when a principal holds one', () => {
    expect(checkAwsPrincipal('arn:aws:iam::*:root')).toContain('partial wildcards are not allowed')
  })

  it('explains that groups are not principals when given a group ARN', () => {
    expect(checkAwsPrincipal('arn:aws:iam::123456789012:group/G')).toContain('user group')
  })
})
