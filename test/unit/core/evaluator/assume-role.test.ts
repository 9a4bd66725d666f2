import { describe, expect, it } from 'vitest'
import { assumeRole, evaluateCheck } from '../../../../core/evaluator/check.ts'
import type { AssumeRoleHop, Identity } from '../../../../core/evaluator/model.ts'
import { A, allow, B, context, resource, statements, userIdentity } from '../../../support/policies.ts'

const role = (name: string, account: string, extra: Partial<Identity> = {}): Identity => ({
  caller: {
    type: 'assumedRole',
    arn: `arn:aws:sts::${account}:assumed-role/${name}/x`,
    account,
    roleArn: `arn:aws:iam::${account}:role/${name}`,
  },
  identityPolicies: [],
  tags: {},
  ...extra,
})

const trust = (principal: unknown, extra: Record<string, unknown> = {}) =>
  statements('trust', 'trust', { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra })

const hop = (
  name: string,
  account: string,
  trustPolicy: AssumeRoleHop['trustPolicy'],
  extra: Partial<AssumeRoleHop> = {},
  roleExtra: Partial<Identity> = {},
): AssumeRoleHop => ({
  role: role(name, account, roleExtra),
  roleArn: `arn:aws:iam::${account}:role/${name}`,
  trustPolicy,
  sessionName: 'dev',
  context: context(),
  ...extra,
})

// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
describe('assumeRole', () => {
  it('needs no identity policy when a same-account trust policy names the user (F.18)', () => {
    const out = assumeRole(userIdentity('u'), hop('R', A, trust({ AWS: `arn:aws:iam::${A}:user/u` })))
    expect(out.result.decision).toBe('allowed')
    expect(out.session?.caller.arn).toBe(`arn:aws:sts::${A}:assumed-role/R/dev`)
  })

  it('needs an identity allow when the trust policy names only the account (F.18)', () => {
    const h = hop('R', A, trust({ AWS: `arn:aws:iam::${A}:root` }))
    expect(assumeRole(userIdentity('u'), h).result.decision).toBe('implicitDeny')
    const withAllow = userIdentity('u', A, {
      identityPolicies: [
        statements('assume', 'identity', allow('sts:AssumeRole', `arn:aws:iam::${A}:role/R`)),
      ],
    })
    expect(assumeRole(withAllow, h).result.decision).toBe('allowed')
  })

  it('refuses a role whose trust policy does not name the caller, whatever the identity policy says', () => {
    const admin = userIdentity('u', A, { identityPolicies: [statements('all', 'identity', allow('*'))] })
    expect(assumeRole(admin, hop('R', A, trust({ Service: 'ec2.amazonaws.com' }))).result.decision).toBe(
      'implicitDeny',
    )
    expect(assumeRole(admin, hop('R', A, undefined)).result.decision).toBe('implicitDeny')
  })

  it('honours an MFA condition in the trust policy, with the hop context only', () => {
    const h = hop(
      'Admin',
      A,
      trust(
        { AWS: `arn:aws:iam::${A}:user/u` },
        { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      ),
    )
    expect(assumeRole(userIdentity('u'), h).result.decision).toBe('implicitDeny')
    const withMfa = { ...h, context: context({ 'aws:MultiFactorAuthPresent': true }) }
    expect(assumeRole(userIdentity('u'), withMfa).result.decision).toBe('allowed')
  })

  it("walks a chain across two accounts, the session acting with the last role's policies", () => {
    const dev = userIdentity('dev', A, {
      identityPolicies: [
        statements('assume', 'identity', allow('sts:AssumeRole', `arn:aws:iam::${A}:role/Hub`)),
      ],
    })
    const hub = hop(
      'Hub',
      A,
      trust({ AWS: A }),
      {},
      {
        identityPolicies: [
          statements('assume-prod', 'identity', allow('sts:AssumeRole', `arn:aws:iam::${B}:role/ProdAdmin`)),
        ],
      },
    )
    const prod = hop(
      'ProdAdmin',
      B,
      trust({ AWS: `arn:aws:iam::${A}:role/Hub` }),
      {},
      { identityPolicies: [statements('admin', 'identity', allow('*'))] },
    )
    const first = assumeRole(dev, hub)
    expect(first.result.decision).toBe('allowed')
    const second = assumeRole(first.session!, prod)
    expect(second.result.decision).toBe('allowed')
    expect(second.session?.chained).toBe(true)
    const r = evaluateCheck({
      identity: second.session!,
      action: 'iam:ListRoles',
      resource: resource('*'),
      context: context({}),
    })
    expect(r.decision).toBe('allowed')
  })

  it('makes the role ARN the aws:PrincipalArn of the session', () => {
    const s = assumeRole(
      userIdentity('u'),
      hop(
        'R',
        A,
        trust({ AWS: `arn:aws:iam::${A}:user/u` }),
        {},
        {
          identityPolicies: [
            statements(
              'p',
              'identity',
              allow('s3:ListBucket', '*', {
                Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/R` } },
              }),
            ),
          ],
        },
      ),
    ).session!
    expect(
      evaluateCheck({
        identity: s,
        action: 's3:ListBucket',
        resource: resource('arn:aws:s3:::b'),
        context: context(),
      }).decision,
    ).toBe('allowed')
  })

  it('needs sts:TagSession to pass session tags, which then override role tags', () => {
    const tagged = hop(
      'R',
      A,
      trust({ AWS: `arn:aws:iam::${A}:user/u` }),
      { sessionTags: { Team: 'data' } },
      { tags: { team: 'ops', env: 'prod' } },
    )
    const refused = assumeRole(userIdentity('u'), tagged)
    expect(refused.result.decision).toBe('implicitDeny')
    expect(refused.action).toBe('sts:TagSession')
    const allowsTags = {
      ...tagged,
      trustPolicy: statements('trust', 'trust', {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:user/u` },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      }),
    }
    const s = assumeRole(userIdentity('u'), allowsTags).session!
    expect(s.tags).toEqual({ env: 'prod', Team: 'data' })
  })

  it('passes transitive session tags down the chain', () => {
    const both = (who: string) =>
      statements('trust', 'trust', {
        Effect: 'Allow',
        Principal: { AWS: who },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      })
    const first = assumeRole(
      userIdentity('u'),
      hop('R1', A, both(`arn:aws:iam::${A}:user/u`), {
        sessionTags: { project: 'x', temp: 'y' },
        transitiveTagKeys: ['project'],
      }),
    ).session!
    const second = assumeRole(
      first,
      hop('R2', A, both(`arn:aws:iam::${A}:role/R1`), {}, { tags: { project: 'z' } }),
    ).session!
    expect(second.tags).toEqual({ project: 'x' })
  })

  it('never lets the root user assume a role', () => {
    const root: Identity = {
      caller: { type: 'root', arn: `arn:aws:iam::${A}:root`, account: A },
      identityPolicies: [],
      tags: {},
    }
    expect(assumeRole(root, hop('R', A, trust({ AWS: A }))).result.decision).toBe('implicitDeny')
  })
})
