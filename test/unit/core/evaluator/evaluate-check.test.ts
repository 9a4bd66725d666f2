import { describe, expect, it } from 'vitest'
import { evaluateCheck, policySetFor } from '../../../../core/evaluator/check.ts'
import type { Identity, ResourceModel } from '../../../../core/evaluator/model.ts'
import type { ContextValue } from '../../../../core/evaluator/types.ts'
import {
  A,
  allow,
  B,
  context,
  deny,
  resource,
  roleSession,
  statements,
  userIdentity,
} from '../../../support/policies.ts'

const decide = (
  identity: Identity,
  action: string,
  res: ResourceModel,
  ctx: Map<string, ContextValue> = context(),
) => evaluateCheck({ identity, action, resource: res, context: ctx }, { explain: 'full' })

const bucket = (policy?: ReturnType<typeof statements>, extra: Partial<ResourceModel> = {}) =>
  resource('arn:aws:s3:::data/x', {
    account: A,
    ...(policy ? { policy, policyKind: 'standard' as const } : {}),
    ...extra,
  })

describe('evaluateCheck', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  it('denies implicitly when nothing allows', () => {
    const r = decide(userIdentity('alice'), 's3:GetObject', bucket())
    expect(r.decision).toBe('implicitDeny')
    expect(r.reasons).toEqual([])
  })

  it('allows through an identity policy and reports the statement', () => {
    const alice = userIdentity('alice', A, {
      identityPolicies: [
        statements('read', 'identity', allow('s3:GetObject', 'arn:aws:s3:::data/*', { Sid: 'Read' })),
      ],
    })
    const r = decide(alice, 's3:GetObject', bucket())
    expect(r.decision).toBe('allowed')
    expect(r.reasons).toMatchObject([
      { policyType: 'identity', policy: 'read', sid: 'Read', index: 0, effect: 'Allow' },
    ])
  })

  it('lets an explicit deny in any policy win and reports every matching deny', () => {
    const alice = userIdentity('alice', A, {
      identityPolicies: [
        statements('all', 'identity', allow('*')),
        statements('no-delete', 'identity', deny('s3:Delete*', '*', { Sid: 'NoDelete' })),
      ],
    })
    const r = decide(
      alice,
      's3:DeleteObject',
      bucket(statements('bp', 'resource', deny('s3:*', 'arn:aws:s3:::data/*', { Principal: '*' }))),
    )
    expect(r.decision).toBe('explicitDeny')
    expect(r.reasons.map((m) => m.policy).sort()).toEqual(['bp', 'no-delete'])
  })

  it('counts group policies as identity policies', () => {
    const alice = userIdentity('alice', A, {
      identityPolicies: [statements('group:devs/base', 'identity', allow('ec2:Describe*'))],
    })
    expect(decide(alice, 'ec2:DescribeInstances', resource('*')).decision).toBe('allowed')
  })

  it('needs the boundary to allow what an identity policy allows', () => {
    const dev = roleSession('Dev', 's', A, {
      identityPolicies: [statements('admin', 'identity', allow('*'))],
      boundary: statements('cap', 'boundary', allow(['s3:*', 'ec2:*'])),
    })
    expect(decide(dev, 's3:GetObject', bucket()).decision).toBe('allowed')
    expect(decide(dev, 'iam:CreateUser', resource(`arn:aws:iam::${A}:user/x`)).decision).toBe('implicitDeny')
  })

  it('needs a session policy to allow for a session that has one', () => {
    const s = roleSession('R', 's', A, {
      identityPolicies: [statements('admin', 'identity', allow('*'))],
      sessionPolicies: [statements('session', 'session', allow('s3:GetObject'))],
    })
    expect(decide(s, 's3:GetObject', bucket()).decision).toBe('allowed')
    expect(decide(s, 's3:PutObject', bucket()).decision).toBe('implicitDeny')
  })

  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
  it('gives a federated user session without a session policy no permissions (F.28)', () => {
    const fed: Identity = {
      caller: {
        type: 'federatedUser',
        arn: `arn:aws:sts::${A}:federated-user/bob`,
        account: A,
        federatingUserArn: `arn:aws:iam::${A}:user/alice`,
      },
      identityPolicies: [statements('s3', 'identity', allow('s3:*'))],
      tags: {},
    }
    expect(decide(fed, 's3:GetObject', bucket()).decision).toBe('implicitDeny')
    expect(
      decide(
        { ...fed, sessionPolicies: [statements('sp', 'session', allow('s3:GetObject'))] },
        's3:GetObject',
        bucket(),
      ).decision,
    ).toBe('allowed')
  })

  // Facts F.12–F.15: same-account resource policy grants by principal form
  it('lets a session-ARN bucket grant override identity and boundary implicit denies (F.12)', () => {
    const s = roleSession('R', 's1', A, { boundary: statements('b', 'boundary', allow('ec2:*')) })
    const bp = statements(
      'bp',
      'resource',
      allow('s3:GetObject', 'arn:aws:s3:::data/*', {
        Principal: { AWS: `arn:aws:sts::${A}:assumed-role/R/s1` },
      }),
    )
    expect(decide(s, 's3:GetObject', bucket(bp)).decision).toBe('allowed')
  })

  it('lets the boundary implicit deny block a role-ARN bucket grant (F.13)', () => {
    const s = roleSession('R', 's1', A, { boundary: statements('b', 'boundary', allow('ec2:*')) })
    const bp = statements(
      'bp',
      'resource',
      allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: `arn:aws:iam::${A}:role/R` } }),
    )
    expect(decide(s, 's3:GetObject', bucket(bp)).decision).toBe('implicitDeny')
    expect(decide(roleSession('R', 's1'), 's3:GetObject', bucket(bp)).decision).toBe('allowed')
  })

  it('lets a user-ARN bucket grant override identity and boundary implicit denies but not explicit ones (F.14, F.15)', () => {
    const bp = statements(
      'bp',
      'resource',
      allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: `arn:aws:iam::${A}:user/u` } }),
    )
    const u = userIdentity('u', A, { boundary: statements('b', 'boundary', allow('ec2:*')) })
    expect(decide(u, 's3:GetObject', bucket(bp)).decision).toBe('allowed')
    const u2 = userIdentity('u', A, {
      boundary: statements('b', 'boundary', allow('*'), deny('s3:*', 'arn:aws:s3:::data/*')),
    })
    expect(decide(u2, 's3:GetObject', bucket(bp)).decision).toBe('explicitDeny')
  })

  it('always denies principals with a boundary under Deny + NotPrincipal (F.16)', () => {
    const bp = statements('bp', 'resource', {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${A}:user/u`, `arn:aws:iam::${A}:root`] },
      Action: 's3:*',
      Resource: 'arn:aws:s3:::data/*',
    })
    const admin = [statements('all', 'identity', allow('*'))]
    expect(
      decide(userIdentity('u', A, { identityPolicies: admin }), 's3:GetObject', bucket(bp)).decision,
    ).toBe('allowed')
    expect(
      decide(
        userIdentity('u', A, { identityPolicies: admin, boundary: statements('b', 'boundary', allow('*')) }),
        's3:GetObject',
        bucket(bp),
      ).decision,
    ).toBe('explicitDeny')
    expect(
      decide(userIdentity('v', A, { identityPolicies: admin }), 's3:GetObject', bucket(bp)).decision,
    ).toBe('explicitDeny')
  })

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
  it('needs both sides across accounts (F.17)', () => {
    const bp = statements(
      'bp',
      'resource',
      allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: `arn:aws:iam::${A}:user/u` } }),
    )
    const theirs = bucket(bp, { account: B })
    expect(decide(userIdentity('u'), 's3:GetObject', theirs).decision).toBe('implicitDeny')
    const withIdentity = userIdentity('u', A, {
      identityPolicies: [statements('s3', 'identity', allow('s3:GetObject'))],
    })
    expect(decide(withIdentity, 's3:GetObject', theirs).decision).toBe('allowed')
    expect(decide(withIdentity, 's3:GetObject', bucket(undefined, { account: B })).decision).toBe(
      'implicitDeny',
    )
  })

  // https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
  it('lets IAM policies use a KMS key only when the key policy enables them (F.19)', () => {
    const key = (policy: ReturnType<typeof statements>) =>
      resource(`arn:aws:kms:us-east-1:${A}:key/k1`, { policy, policyKind: 'kms' })
    const withoutRoot = statements(
      'kp',
      'resource',
      allow('kms:*', '*', { Principal: { AWS: `arn:aws:iam::${A}:role/KeyAdmin` } }),
    )
    const enablesIam = statements(
      'kp',
      'resource',
      allow('kms:*', '*', { Principal: { AWS: `arn:aws:iam::${A}:root` } }),
    )
    const u = userIdentity('u', A, {
      identityPolicies: [statements('kms', 'identity', allow('kms:Decrypt'))],
    })
    expect(decide(u, 'kms:Decrypt', key(withoutRoot)).decision).toBe('implicitDeny')
    expect(decide(u, 'kms:Decrypt', key(enablesIam)).decision).toBe('allowed')
    const denied = userIdentity('u', A, {
      identityPolicies: [statements('kms', 'identity', deny('kms:Decrypt'))],
    })
    expect(decide(denied, 'kms:Decrypt', key(enablesIam)).decision).toBe('explicitDeny')
  })

  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
  it('needs an SCP allow at every level (F.20)', () => {
    const full = statements('FullAWSAccess', 'scp', allow('*'))
    const ec2Only = statements('ec2-only', 'scp', allow('ec2:*'))
    const u = userIdentity('u', A, {
      identityPolicies: [statements('all', 'identity', allow('*'))],
      scpLevels: [[full], [ec2Only], [full]],
    })
    const r = decide(u, 's3:GetObject', bucket())
    expect(r.decision).toBe('implicitDeny')
    expect(r.decisionReason).toBe('scp-level-no-allow')
    expect(decide(u, 'ec2:RunInstances', resource(`arn:aws:ec2:us-east-1:${A}:instance/i-1`)).decision).toBe(
      'allowed',
    )
    // SCPs do not apply to the management account or to service-linked roles: the suite leaves scpLevels out
    expect(decide({ ...u, scpLevels: undefined }, 's3:GetObject', bucket()).decision).toBe('allowed')
  })

  it('applies customer RCPs as deny-only policies on the resource', () => {
    const rcp = statements(
      'no-outside',
      'rcp',
      deny('s3:*', '*', {
        Principal: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': A } },
      }),
    )
    const u = userIdentity('u', B, { identityPolicies: [statements('all', 'identity', allow('*'))] })
    const bp = statements(
      'bp',
      'resource',
      allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: B } }),
    )
    expect(decide(u, 's3:GetObject', bucket(bp)).decision).toBe('allowed')
    expect(decide(u, 's3:GetObject', bucket(bp, { rcpLevels: [[rcp]] })).decision).toBe('explicitDeny')
  })

  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
  it('always allows sts:GetCallerIdentity, even under an explicit deny (F.27)', () => {
    const u = userIdentity('u', A, { identityPolicies: [statements('deny', 'identity', deny('*'))] })
    expect(decide(u, 'sts:GetCallerIdentity', resource('*')).decision).toBe('allowed')
  })

  it('derives principal and resource keys, which the context can override', () => {
    const p = statements(
      'tagged',
      'identity',
      allow('s3:GetObject', '*', {
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data', 'aws:ResourceTag/Env': 'prod' } },
      }),
    )
    const u = userIdentity('u', A, { identityPolicies: [p], tags: { Team: 'data' } })
    const tagged = bucket(undefined, { tags: { env: 'prod' } })
    expect(decide(u, 's3:GetObject', tagged).decision).toBe('allowed')
    expect(decide(u, 's3:GetObject', tagged, context({ 'aws:PrincipalTag/team': 'ops' })).decision).toBe(
      'implicitDeny',
    )
  })

  it('reports the keys a condition needed and the context lacked, and never invents aws:CurrentTime', () => {
    const p = statements(
      'temp',
      'identity',
      allow('s3:GetObject', '*', {
        Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
      }),
    )
    const u = userIdentity('u', A, { identityPolicies: [p] })
    const r = decide(u, 's3:GetObject', bucket())
    expect(r.decision).toBe('implicitDeny')
    expect(r.missingContextKeys.map((k) => k.toLowerCase())).toEqual(['aws:currenttime'])
    expect(
      decide(u, 's3:GetObject', bucket(), context({ 'aws:CurrentTime': '2026-12-01T00:00:00Z' })).decision,
    ).toBe('allowed')
  })

  it('builds a trace from the request down to the conditions', () => {
    const p = statements(
      'mfa',
      'identity',
      allow('*'),
      deny('s3:*', '*', {
        Sid: 'DenyNoMfa',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    )
    const r = decide(userIdentity('u', A, { identityPolicies: [p] }), 's3:GetObject', bucket())
    expect(r.decision).toBe('explicitDeny')
    expect(r.trace?.kind).toBe('request')
    const kinds = new Set<string>()
    const walk = (n: NonNullable<typeof r.trace>): void => {
      kinds.add(n.kind)
      n.children.forEach(walk)
    }
    walk(r.trace!)
    expect([...kinds].sort()).toEqual([
      'action',
      'condition',
      'decision',
      'policy',
      'policyType',
      'request',
      'resource',
      'statement',
    ])
  })
})

describe('policySetFor', () => {
  const me = userIdentity('alice', A, { identityPolicies: [statements('all', 'identity', allow('s3:*'))] })
  const policy = statements('bucket', 'resource', allow('s3:GetObject', '*', { Principal: '*' }))
  it('gives the same object for the same identity, resource policy and kind, whatever the resource ARN', () => {
    const a = policySetFor(me, bucket(policy))
    expect(policySetFor(me, { ...bucket(policy), arn: 'arn:aws:s3:::data/other' })).toBe(a)
    expect(a.resource).toBe(policy)
    expect(a.identity).toBe(me.identityPolicies)
  })
  it('gives another set when the resource policy, its kind, the RCPs or the endpoint policy differ', () => {
    const a = policySetFor(me, bucket(policy))
    expect(policySetFor(me, bucket())).not.toBe(a)
    expect(policySetFor(me, bucket())).toEqual({ identity: me.identityPolicies })
    const trust = policySetFor(me, bucket(policy, { policyKind: 'trust' }))
    expect(trust).not.toBe(a)
    expect(trust.resourcePolicyKind).toBe('trust')
    expect(policySetFor(me, bucket(policy, { rcpLevels: [[policy]] }))).not.toBe(a)
    expect(policySetFor(me, bucket(policy), policy).endpoint).toBe(policy)
    expect(policySetFor(userIdentity('bob'), bucket(policy))).not.toBe(a)
  })
})
