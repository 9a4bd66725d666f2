import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SKIP_REASONS } from '../../../core/aws/index.ts'
import { createLocalEngine, runSuites } from '../../../core/suite/index.ts'
import { type Harness, loadYaml, startHarness } from './aws-fixtures.ts'

const ALLOW = '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }'

const SUITE = `suite: skips
principals:
  user: { arn: "arn:aws:iam::111122223333:user/u", policies: [ { name: all, document: ${ALLOW} } ] }
  role:
    arn: arn:aws:iam::111122223333:role/R
    policies: [ { name: all, document: ${ALLOW} } ]
    trustPolicy: { name: trust, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" } ] } }
  scoped:
    arn: arn:aws:iam::111122223333:role/Scoped
    policies: [ { name: all, document: ${ALLOW} } ]
    sessionPolicy: { name: scope, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "s3:*", Resource: "*" } ] } }
  session: { arn: "arn:aws:sts::111122223333:assumed-role/R/s1", policies: [ { name: all, document: ${ALLOW} } ] }
  fed: { arn: "arn:aws:sts::111122223333:federated-user/bob", policies: [ { name: all, document: ${ALLOW} } ], sessionPolicy: { name: s, document: ${ALLOW} } }
  anon: { arn: anonymous }
resources:
  guarded: { arn: "arn:aws:s3:::guarded", account: "222233334444" }
organization:
  accounts: ["222233334444"]
  rcps:
    - level: root
      policies: [ { name: rcp, document: { Version: "2012-10-17", Statement: [ { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*" } ] } } ]
cases:
  - { name: chain, principal: user, via: [ { role: role } ], action: s3:GetObject, resource: "*", expect: allowed }
  - { name: session policy, principal: scoped, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: rcp, principal: user, action: s3:GetObject, resource: "arn:aws:s3:::guarded/k", expect: denied }
  - { name: trust, principal: user, action: sts:AssumeRole, resource: "arn:aws:iam::111122223333:role/R", expect: allowed }
  - { name: session arn, principal: session, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: federated, principal: fed, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: anonymous, principal: anon, action: s3:GetObject, resource: "*", expect: denied }
  - { name: root, principal: "arn:aws:iam::111122223333:root", action: s3:GetObject, resource: "*", expect: allowed }
  - { name: plain, principal: user, action: s3:GetObject, resource: "*", expect: allowed }
`

describe('AWS engine skips', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  it('does not send what the simulator cannot model, says why, and never counts it divergent', async () => {
    const report = await runSuites([loadYaml(SUITE)], { engines: [createLocalEngine(), h.engine()] })
    expect(report.results.map((r) => [r.case, r.aws])).toEqual([
      ['chain', { skipped: SKIP_REASONS['role-chain'] }],
      ['session policy', { skipped: SKIP_REASONS['session-policy'] }],
      ['rcp', { skipped: SKIP_REASONS.rcp }],
      ['trust', { skipped: SKIP_REASONS['trust-policy'] }],
      ['session arn', { skipped: SKIP_REASONS['session-principal'] }],
      ['federated', { skipped: SKIP_REASONS['session-principal'] }],
      ['anonymous', { skipped: SKIP_REASONS.anonymous }],
      ['root', { skipped: SKIP_REASONS.root }],
      ['plain', expect.objectContaining({ decision: 'allowed' })],
    ])
    expect(report.results.every((r) => !r.divergent)).toBe(true)
    expect(report.results.filter((r) => r.status === 'error')).toEqual([])
    expect(h.endpoint.calls).toHaveLength(1)
    expect(h.endpoint.calls[0]!.params.ActionNames).toEqual(['s3:GetObject'])
  })

  it('judges by AWS when AWS ran alone: a skipped check is then an error that says why', async () => {
    const report = await runSuites([loadYaml(SUITE)], { engines: [h.engine()] })
    expect(report.results[0]).toMatchObject({
      status: 'error',
      message: `aws: cannot evaluate this check: ${SKIP_REASONS['role-chain']}`,
    })
    expect(report.results[8]).toMatchObject({ status: 'passed', divergent: false })
  })
})
