import { describe, expect, it } from 'vitest'
import {
  NO_IDENTITY_POLICY,
  planCheck,
  type Simulation,
  withAccountPath,
} from '../../../../core/aws/plan-check.ts'
import { SKIP_REASONS } from '../../../../core/aws/skip-reasons.ts'
import { parsePolicyText } from '../../../../core/policy/index.ts'
import type { AccountResolver, Check } from '../../../../core/suite/index.ts'
import { ALLOW_ALL, checksOf, NO_CATALOG } from './aws-unit-fixtures.ts'

const simulate = (check: Check, resolver?: AccountResolver): Simulation => {
  const plan = planCheck(check, { keyInfo: NO_CATALOG, resolver })
  if (plan.kind !== 'simulate') throw new Error(`expected a simulation, got ${JSON.stringify(plan)}`)
  return plan.simulation
}

const SUITE = `suite: plan
principals:
  dev:
    arn: arn:aws:iam::111122223333:user/dev
    groups: [g]
    policies: [ { name: own, document: ${ALLOW_ALL} } ]
    permissionsBoundary: { name: pb, document: ${ALLOW_ALL} }
  app:
    arn: arn:aws:iam::111122223333:role/team/App
    policies: []
  live:
    arn: arn:aws:iam::111122223333:user/live
    groups: [g]
  bounded:
    arn: arn:aws:iam::111122223333:user/bounded
    permissionsBoundary: { name: suite-boundary, document: ${ALLOW_ALL} }
groups:
  g: { policies: [ { name: group-policy, document: ${ALLOW_ALL} } ] }
resources:
  bucket:
    arn: arn:aws:s3:::b
    account: "444455556666"
    policy: { name: bucket-policy, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" } ] } }
organization:
  scps:
    - { level: root, policies: [ { name: root-scp, document: ${ALLOW_ALL} } ] }
    - { level: ou, policies: [] }
cases:
  - { name: dev, principal: dev, action: s3:GetObject, resource: "arn:aws:s3:::b/k", expect: allowed }
  - { name: app, principal: app, action: s3:GetObject, resource: "arn:aws:s3:::b/k", expect: denied }
  - { name: app star, principal: app, action: s3:ListAllMyBuckets, resource: "*", expect: denied }
  - { name: live, principal: live, action: s3:GetObject, resource: "arn:aws:s3:::other/k", expect: allowed }
  - { name: bounded, principal: bounded, action: s3:GetObject, resource: "*", expect: allowed }
`

const policy = (name: string) => {
  const parsed = parsePolicyText(
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    'identity',
  )
  if (!parsed.ok) throw new Error('bad policy')
  return { name, document: parsed.value }
}
const ACCOUNT_BOUNDARY = policy('AccountBoundary')
const ACCOUNT: AccountResolver = {
  getPrincipal: (arn) =>
    arn.endsWith('user/live') || arn.endsWith('user/bounded')
      ? { policies: [policy('live-own')], permissionsBoundary: ACCOUNT_BOUNDARY, tags: { team: 'x' } }
      : undefined,
  getManagedPolicy: () => undefined,
}

describe('planCheck', () => {
  const checks = checksOf(SUITE, ACCOUNT)

  it('sends a suite user to SimulateCustomPolicy with its and its groups policies, boundary, SCPs and caller', () => {
    const s = simulate(checks[0]!)
    expect(s.api).toBe('SimulateCustomPolicy')
    expect(s.policies.map((p) => p.policy.name)).toEqual(['own', 'group-policy'])
    expect(s.boundary?.policy.name).toBe('pb')
    expect(s.scpLevels?.map((level) => level.map((p) => p.policy.name))).toEqual([['root-scp'], []])
    expect(s.resourcePolicy?.policy.name).toBe('bucket-policy')
    expect(s.callerArn).toBe('arn:aws:iam::111122223333:user/dev')
    expect(s.resourceOwner).toBe('arn:aws:iam::444455556666:root')
  })

  it('uses the role ARN, path included, as the caller of a role session, and a no-op policy when it has none', () => {
    const s = simulate(checks[1]!)
    expect(s.callerArn).toBe('arn:aws:iam::111122223333:role/team/App')
    expect(s.policies.map((p) => p.text)).toEqual([NO_IDENTITY_POLICY])
  })

  it('leaves caller and owner out when there is no resource policy and no other owner', () => {
    const s = simulate(checks[2]!)
    expect([s.callerArn, s.resourceOwner, s.resourcePolicy]).toEqual([undefined, undefined, undefined])
  })

  it('sends an account principal to SimulatePrincipalPolicy with only what the suite adds', () => {
    const live = simulate(checks[3]!, ACCOUNT)
    expect(live.api).toBe('SimulatePrincipalPolicy')
    expect(live.policySourceArn).toBe('arn:aws:iam::111122223333:user/live')
    expect(live.policies.map((p) => p.policy.name)).toEqual(['group-policy'])
    expect(live.boundary).toBeUndefined()
    expect(live.scpLevels).toBeUndefined()
    const bounded = simulate(checks[4]!, ACCOUNT)
    expect(bounded.boundary?.policy.name).toBe('suite-boundary')
    expect(bounded.policies).toEqual([])
  })

  it('tells suite additions by their loaded source when no resolver is given', () => {
    const live = simulate(checks[3]!)
    expect(live.policies.map((p) => p.policy.name)).toEqual(['group-policy'])
  })

  it('simulates an account principal the local side could not resolve, with the keys its ARN gives', () => {
    const unresolved = checksOf(SUITE)[3]!
    expect(unresolved.identity).toBeUndefined()
    const s = simulate(unresolved)
    expect(s.policySourceArn).toBe('arn:aws:iam::111122223333:user/live')
    expect(s.contextEntries.map((e) => e.ContextKeyName)).toContain('aws:username')
  })

  it('gives equal keys to checks that may share a call, and different keys otherwise', () => {
    const keys = checksOf(`suite: k
principals: { p: { arn: "arn:aws:iam::111122223333:user/p", policies: [ { name: x, document: ${ALLOW_ALL} } ] } }
cases:
  - { name: a, principal: p, actions: [s3:GetObject, s3:PutObject], resource: "*", expect: allowed }
  - { name: b, principal: p, action: s3:GetObject, resource: "*", context: { aws:SourceIp: 10.0.0.1 }, expect: allowed }
`).map((c) => simulate(c).key)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('fails a suite principal the local side could not build', () => {
    const [check] = checksOf(`suite: broken
principals: { p: { arn: "arn:aws:iam::111122223333:user/p", policies: [ { arn: "arn:aws:iam::aws:policy/Missing" } ] } }
cases: [ { name: c, principal: p, action: s3:GetObject, resource: "*", expect: allowed } ]
`)
    expect(planCheck(check!, { keyInfo: NO_CATALOG })).toEqual({
      kind: 'error',
      message: expect.stringContaining('arn:aws:iam::aws:policy/Missing'),
    })
  })

  it('skips a wildcard action for SimulateCustomPolicy only', () => {
    const [check] = checksOf(`suite: w
principals: { p: { arn: "arn:aws:iam::111122223333:user/p", policies: [] } }
cases: [ { name: c, principal: p, action: s3:GetObject, resource: "*", expect: allowed } ]
`)
    const wildcard = { ...check!, action: 's3:Get*' }
    expect(planCheck(wildcard, { keyInfo: NO_CATALOG })).toEqual({
      kind: 'skip',
      reason: SKIP_REASONS['wildcard-action'],
    })
    expect(planCheck({ ...wildcard, policySource: 'account' }, { keyInfo: NO_CATALOG }).kind).toBe('simulate')
  })

  it('skips more than 7 SCP levels', () => {
    const levels = Array.from(
      { length: 8 },
      (_, i) => `    - { level: l${i}, policies: [ { name: s${i}, document: ${ALLOW_ALL} } ] }`,
    )
    const [check] = checksOf(`suite: deep
principals: { p: { arn: "arn:aws:iam::111122223333:user/p", policies: [] } }
organization:
  scps:
${levels.join('\n')}
cases: [ { name: c, principal: p, action: s3:GetObject, resource: "*", expect: allowed } ]
`)
    expect(planCheck(check!, { keyInfo: NO_CATALOG })).toEqual({
      kind: 'skip',
      reason: SKIP_REASONS['scp-levels'],
    })
  })
})

describe('withAccountPath', () => {
  it.each([
    ['arn:aws:iam::111122223333:role/R', '/app/', 'arn:aws:iam::111122223333:role/app/R'],
    ['arn:aws:iam::111122223333:user/u', '/', 'arn:aws:iam::111122223333:user/u'],
    ['arn:aws:iam::111122223333:role/x/R', '/app/', 'arn:aws:iam::111122223333:role/x/R'],
    ['arn:aws:iam::111122223333:role/R', undefined, 'arn:aws:iam::111122223333:role/R'],
  ])('gives %s the account path %s', (arn, path, expected) => {
    expect(withAccountPath(arn, path)).toBe(expected)
  })
})
