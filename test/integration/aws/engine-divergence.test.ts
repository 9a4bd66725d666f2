import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DIVERGENCE_CAUSES, explainDivergence } from '../../../core/aws/index.ts'
import { createLocalEngine, runSuites } from '../../../core/suite/index.ts'
import { type Harness, loadYaml, startHarness, testAccountResolver } from './aws-fixtures.ts'

const SUITE = `suite: divergence
principals:
  dev:
    arn: arn:aws:iam::111122223333:user/dev
    policies:
      - name: dev
        document:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Action: ["s3:GetObject", "sts:AssumeRole", "ec2:DescribeInstances"], Resource: "*" }
            - { Effect: Allow, Action: "sqs:SendMessage", Resource: "*", Condition: { IpAddress: { aws:SourceIp: 10.0.0.0/8 } } }
            - { Sid: NoCallerIdentity, Effect: Deny, Action: "sts:GetCallerIdentity", Resource: "*" }
  ops:
    arn: arn:aws:iam::222233334444:user/ops
    policies: [ { name: ops, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] } } ]
  target:
    arn: arn:aws:iam::111122223333:role/Target
    policies: []
organization:
  accounts: ["222233334444"]
  scps:
    - level: root
      policies: [ { name: FullAWSAccess, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] } } ]
    - level: ou
      policies: [ { name: OnlyEc2, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "ec2:*", Resource: "*" } ] } } ]
cases:
  - { name: agrees, principal: dev, action: s3:GetObject, resource: "arn:aws:s3:::b/k", expect: allowed }
  - { name: unexplained, principal: dev, action: ec2:DescribeInstances, resource: "*", expect: allowed }
  - { name: caller identity, principal: dev, action: sts:GetCallerIdentity, resource: "*", expect: allowed }
  - { name: no trust policy, principal: dev, action: sts:AssumeRole, resource: "arn:aws:iam::111122223333:role/Target", expect: allowed }
  - { name: scp gap, principal: ops, action: s3:GetObject, resource: "*", expect: denied }
  - { name: ignored ip, principal: dev, action: sqs:SendMessage, resource: "*", context: { aws:SourceIp: 10.1.2.3 }, expect: allowed }
  - { name: from the account, principal: "arn:aws:iam::111122223333:user/alice", action: logs:GetLogEvents, resource: "*", expect: allowed }
`

describe('AWS engine divergence', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })
  beforeEach(() => {
    h.endpoint.reset()
  })

  it('marks checks where the simulator decides differently, with the documented cause when there is one', async () => {
    h.endpoint.settings.rules = [
      { action: 'ec2:DescribeInstances', decision: 'implicitDeny' },
      { action: 'sts:GetCallerIdentity', decision: 'explicitDeny' },
      { action: 's3:GetObject', principal: '*:user/ops', decision: 'explicitDeny' },
      { action: 'sqs:SendMessage', decision: 'implicitDeny', missingContextValues: ['aws:SourceIp'] },
      { action: 'logs:GetLogEvents', decision: 'implicitDeny' },
      { action: 'sts:AssumeRole', decision: 'implicitDeny' },
    ]
    const resolver = testAccountResolver()
    const report = await runSuites([loadYaml(SUITE)], {
      resolver,
      engines: [createLocalEngine(), h.engine({ resolver })],
      explainDivergence,
    })
    const rows = report.results.map((r) => [
      r.case,
      r.local && 'decision' in r.local ? r.local.decision : r.local,
      r.aws && 'decision' in r.aws ? r.aws.decision : r.aws,
      r.divergent,
      r.divergenceCause,
    ])
    expect(rows).toEqual([
      ['agrees', 'allowed', 'allowed', false, undefined],
      ['unexplained', 'allowed', 'implicitDeny', true, undefined],
      ['caller identity', 'allowed', 'explicitDeny', true, 'get-caller-identity'],
      ['no trust policy', 'allowed', 'implicitDeny', true, 'trust-policy-ignored'],
      ['scp gap', 'implicitDeny', 'explicitDeny', true, 'scp-implicit-deny-reported-differently'],
      ['ignored ip', 'allowed', 'implicitDeny', true, 'missing-context-key'],
      ['from the account', 'allowed', 'implicitDeny', true, 'account-state'],
    ])
    expect(report.summary).toMatchObject({ total: 7, divergent: 6, errors: 0 })
    for (const r of report.results)
      if (r.divergenceCause) expect(DIVERGENCE_CAUSES).toHaveProperty(r.divergenceCause)
  })

  it('finds no divergence when the simulator answers as the local evaluator does', async () => {
    h.endpoint.settings.rules = [{ action: 'sts:GetCallerIdentity', decision: 'allowed' }]
    const resolver = testAccountResolver()
    const report = await runSuites([loadYaml(SUITE)], {
      resolver,
      engines: [createLocalEngine(), h.engine({ resolver })],
      explainDivergence,
    })
    expect(report.results.filter((r) => r.divergent).map((r) => r.case)).toEqual([])
    expect(report.summary).toMatchObject({ total: 7, passed: 7, divergent: 0 })
  })
})
