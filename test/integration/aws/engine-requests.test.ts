import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLocalEngine, type EngineResult, expandSuite } from '../../../core/suite/index.ts'
import { decide, type Harness, loadYaml, startHarness, testAccountResolver } from './aws-fixtures.ts'

const SUITE = `suite: requests
context:
  aws:SourceIp: 203.0.113.10
  aws:CurrentTime: 2026-03-01T12:00:00Z
principals:
  dev:
    arn: arn:aws:iam::111122223333:user/dev
    tags: { CostCenter: "42" }
    policies:
      - name: dev-s3
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: ReadTagged
              Effect: Allow
              Action: s3:GetObject
              Resource: "*"
              Condition: { StringEquals: { aws:ResourceTag/Stage: beta } }
            - Sid: NoDeleteWithoutMfa
              Effect: Deny
              Action: s3:DeleteObject
              Resource: "*"
              Condition: { BoolIfExists: { aws:MultiFactorAuthPresent: false } }
    permissionsBoundary:
      name: dev-boundary
      document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "s3:*", Resource: "*" } ] }
  admin:
    arn: arn:aws:iam::111122223333:role/Admin
    policies: [ { name: admin, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] } } ]
resources:
  bucket:
    arn: arn:aws:s3:::shared-bucket
    account: "444455556666"
    tags: { Stage: beta }
    policy:
      name: shared-bucket-policy
      document:
        Version: "2012-10-17"
        Statement:
          - Sid: DevReads
            Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:user/dev }
            Action: s3:GetObject
            Resource: arn:aws:s3:::shared-bucket/*
cases:
  - name: dev reads the shared bucket
    principal: dev
    action: s3:GetObject
    resource: arn:aws:s3:::shared-bucket/report.csv
    context:
      aws:TagKeys: []
      s3:max-keys: 10
      aws:PrincipalOrgPaths: [o-1/r-1/ou-1/]
      custom:Flag: { type: ip, value: 10.1.2.3 }
      aws:MultiFactorAuthPresent: true
    expect: allowed
  - name: admin reads anything
    principal: admin
    action: s3:GetObject
    resource: "*"
    expect: allowed
  - name: alice, from the account, reads
    principal: arn:aws:iam::111122223333:user/alice
    action: s3:GetObject
    resource: arn:aws:s3:::shared-bucket/a
    expect: allowed
`

describe('AWS engine requests', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })
  beforeEach(() => {
    h.endpoint.reset()
    h.endpoint.settings.shape = 'current'
    h.endpoint.settings.rules = []
  })

  it('sends exactly the local context as typed ContextEntries, derived keys included', async () => {
    const { checks } = expandSuite(loadYaml(SUITE), { resolver: testAccountResolver() })
    await h.engine().evaluate([checks[0]!])
    const [call] = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(call!.params.ContextEntries).toEqual([
      {
        ContextKeyName: 'aws:CurrentTime',
        ContextKeyType: 'date',
        ContextKeyValues: ['2026-03-01T12:00:00Z'],
      },
      { ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
      {
        ContextKeyName: 'aws:PrincipalAccount',
        ContextKeyType: 'string',
        ContextKeyValues: ['111122223333'],
      },
      {
        ContextKeyName: 'aws:PrincipalArn',
        ContextKeyType: 'string',
        ContextKeyValues: ['arn:aws:iam::111122223333:user/dev'],
      },
      { ContextKeyName: 'aws:PrincipalIsAWSService', ContextKeyType: 'boolean', ContextKeyValues: ['false'] },
      {
        ContextKeyName: 'aws:PrincipalOrgPaths',
        ContextKeyType: 'stringList',
        ContextKeyValues: ['o-1/r-1/ou-1/'],
      },
      { ContextKeyName: 'aws:PrincipalTag/CostCenter', ContextKeyType: 'string', ContextKeyValues: ['42'] },
      { ContextKeyName: 'aws:PrincipalType', ContextKeyType: 'string', ContextKeyValues: ['User'] },
      { ContextKeyName: 'aws:ResourceAccount', ContextKeyType: 'string', ContextKeyValues: ['444455556666'] },
      { ContextKeyName: 'aws:ResourceTag/Stage', ContextKeyType: 'string', ContextKeyValues: ['beta'] },
      { ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['203.0.113.10'] },
      { ContextKeyName: 'aws:TagKeys', ContextKeyType: 'stringList', ContextKeyValues: '' },
      { ContextKeyName: 'aws:username', ContextKeyType: 'string', ContextKeyValues: ['dev'] },
      { ContextKeyName: 'custom:flag', ContextKeyType: 'ip', ContextKeyValues: ['10.1.2.3'] },
      { ContextKeyName: 's3:max-keys', ContextKeyType: 'numeric', ContextKeyValues: ['10'] },
    ])
  })

  it('sends suite principals to SimulateCustomPolicy with boundary, resource policy, caller and owner', async () => {
    const { checks } = expandSuite(loadYaml(SUITE), { resolver: testAccountResolver() })
    await h.engine().evaluate(checks)
    const [dev, admin] = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(Object.keys(dev!.params).sort()).toEqual(
      [
        'Action',
        'Version',
        'PolicyInputList',
        'PermissionsBoundaryPolicyInputList',
        'ActionNames',
        'ResourceArns',
        'ResourcePolicy',
        'ResourceOwner',
        'CallerArn',
        'ContextEntries',
        'MaxItems',
      ].sort(),
    )
    expect(dev!.params).toMatchObject({
      ResourceOwner: 'arn:aws:iam::444455556666:root',
      CallerArn: 'arn:aws:iam::111122223333:user/dev',
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::shared-bucket/report.csv'],
    })
    expect(JSON.parse(dev!.params.ResourcePolicy as string).Statement[0].Sid).toBe('DevReads')
    expect(admin!.params.ResourceArns).toEqual(['*'])
    expect(admin!.params.CallerArn).toBeUndefined()
    expect(admin!.params.ResourceOwner).toBeUndefined()
  })

  it('sends account principals to SimulatePrincipalPolicy with the resource policy and caller', async () => {
    const { checks } = expandSuite(loadYaml(SUITE), { resolver: testAccountResolver() })
    await h.engine({ resolver: testAccountResolver() }).evaluate([checks[2]!])
    const [call] = h.endpoint.callsTo('SimulatePrincipalPolicy')
    expect(call!.params).toMatchObject({
      PolicySourceArn: 'arn:aws:iam::111122223333:user/alice',
      CallerArn: 'arn:aws:iam::111122223333:user/alice',
      ResourceOwner: 'arn:aws:iam::444455556666:root',
    })
    expect(call!.params.PolicyInputList).toBeUndefined()
    expect(call!.params.PermissionsBoundaryPolicyInputList).toBeUndefined()
  })

  it('reports matched statements by policy name, sid and index, as the local engine does', async () => {
    const { checks } = expandSuite(loadYaml(SUITE), { resolver: testAccountResolver() })
    const withoutScps = (r: EngineResult | undefined) =>
      r && 'decision' in r ? r.matchedStatements.filter((s) => s.policyType !== 'scp') : []
    const local = await createLocalEngine().evaluate([checks[0]!])
    for (const shape of ['old', 'current'] as const) {
      h.endpoint.settings.shape = shape
      const aws = await h.engine().evaluate([checks[0]!])
      expect(aws[0]).toMatchObject({ decision: 'allowed', missingContextKeys: [] })
      expect(withoutScps(aws[0])).toEqual(withoutScps(local[0]))
      expect(withoutScps(aws[0]).map((s) => s.policy)).toEqual([
        'shared-bucket-policy',
        'dev-s3',
        'dev-boundary',
      ])
    }
  })

  it('reads per-resource decisions of the current shape and per-pair results of the old one', async () => {
    const suite = loadYaml(`suite: shapes
principals:
  p: { arn: "arn:aws:iam::111122223333:user/p", policies: [] }
cases:
  - name: m
    principal: p
    actions: [s3:GetObject, s3:PutObject]
    resources: ["arn:aws:s3:::b/allowed", "arn:aws:s3:::b/denied", "arn:aws:s3:::b/other"]
    expect: allowed
`)
    h.endpoint.settings.rules = [
      { action: 's3:GetObject', resource: '*/allowed', decision: 'allowed' },
      { resource: '*/denied', decision: 'explicitDeny', missingContextValues: ['aws:SourceVpc'] },
    ]
    const { checks } = expandSuite(suite)
    for (const shape of ['old', 'current'] as const) {
      h.endpoint.settings.shape = shape
      h.endpoint.reset()
      const results = await h.engine().evaluate(checks)
      expect(results.map((r) => ('decision' in r ? r.decision : r))).toEqual([
        'allowed',
        'explicitDeny',
        'implicitDeny',
        'implicitDeny',
        'explicitDeny',
        'implicitDeny',
      ])
      expect(results[1]).toMatchObject({ missingContextKeys: ['aws:SourceVpc'] })
      expect(h.endpoint.calls).toHaveLength(1)
      expect(h.endpoint.calls[0]!.params.PolicyInputList).toEqual([
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}',
      ])
    }
  })

  it('agrees with the local engine on every check of the suite', async () => {
    const resolver = testAccountResolver()
    const { checks } = expandSuite(loadYaml(SUITE), { resolver })
    expect(await decide(h.engine({ resolver }), checks)).toEqual(await decide(createLocalEngine(), checks))
  })
})
