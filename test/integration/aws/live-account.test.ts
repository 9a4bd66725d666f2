import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createAwsEngine,
  explainDivergence,
  fetchLiveAccount,
  writeSnapshot,
} from '../../../core/aws/index.ts'
import { parseAccountSnapshot, snapshotResolver } from '../../../core/aws/snapshot/index.ts'
import { createLocalEngine, runSuites, unresolvedReferences } from '../../../core/suite/index.ts'
import { EXTRA_POLICIES, type Harness, loadYaml, startHarness } from './aws-fixtures.ts'

const ALICE = 'arn:aws:iam::111122223333:user/alice'
/** The role's ARN without its path, as a suite may write it */
const APP_ROLE = 'arn:aws:iam::111122223333:role/AppRole'

describe('live principal resolution', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ extraPolicies: EXTRA_POLICIES })
  })
  afterAll(async () => {
    await h.close()
  })
  beforeEach(() => {
    h.endpoint.reset()
    h.endpoint.settings.pageCap = 1_000
  })

  it('resolves users, roles and managed policies from GetAccountAuthorizationDetails', async () => {
    const resolver = await fetchLiveAccount(h.client, [
      ALICE,
      APP_ROLE,
      'arn:aws:iam::111122223333:policy/Boundary',
    ])
    const alice = resolver.getPrincipal(ALICE)
    expect(alice?.policies.map((p) => p.name)).toEqual([
      'inline:alice-logs',
      'group:readers/read-s3',
      'DenyIamWrites',
    ])
    expect(alice?.permissionsBoundary?.name).toBe('Boundary')
    expect(alice?.tags).toEqual({ Team: 'data' })
    const role = resolver.getPrincipal(APP_ROLE)
    expect(role?.policies.map((p) => p.name)).toEqual(['inline:app-sqs', 'ReadOnlyAccess'])
    expect(role?.trustPolicy?.document.statements[0]?.principal?.service).toEqual(['ec2.amazonaws.com'])
    expect(role?.path).toBe('/app/')
    expect(
      resolver.getManagedPolicy('arn:aws:iam::111122223333:policy/DenyIamWrites')?.document.statements[0]
        ?.sid,
    ).toBe('NoIamWrites')
    const details = h.endpoint.callsTo('GetAccountAuthorizationDetails')
    expect(details).toHaveLength(1)
    expect(details[0]!.params).toMatchObject({
      Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'],
      MaxItems: '1000',
    })
    expect(h.endpoint.callsTo('GetPolicy').map((c) => c.params.PolicyArn)).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ])
    expect(h.endpoint.callsTo('GetPolicyVersion').map((c) => c.params.VersionId)).toEqual(['v9'])
  })

  it('pages the account, retries throttling, and fetches once per client and set of ARNs', async () => {
    h.endpoint.settings.pageCap = 2
    h.endpoint.failNext(1, { action: 'GetAccountAuthorizationDetails' })
    const resolver = await fetchLiveAccount(h.client, [ALICE], { retry: { sleep: async () => {} } })
    expect(resolver.getPrincipal(ALICE)?.policies).toHaveLength(3)
    const calls = h.endpoint.callsTo('GetAccountAuthorizationDetails')
    expect(calls.map((c) => c.code ?? c.status)).toEqual(['Throttling', 200, 200])
    expect(calls[2]!.params.Marker).toBeDefined()
    expect(calls[0]!.params.Filter).toEqual(['User', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'])
    expect(await fetchLiveAccount(h.client, [ALICE])).toBe(resolver)
    expect(h.endpoint.callsTo('GetAccountAuthorizationDetails')).toHaveLength(3)
  })

  it('runs a suite whose principals live in the account on both engines', async () => {
    const suite = loadYaml(`suite: live
principals:
  alice: { arn: "${ALICE}" }
  app: { arn: "${APP_ROLE}" }
cases:
  - { name: alice reads, principal: alice, action: s3:GetObject, resource: "arn:aws:s3:::b/k", expect: allowed }
  - { name: alice cannot create users, principal: alice, action: iam:CreateUser, resource: "*", expect: explicitDeny }
  - { name: alice boundary, principal: alice, action: sqs:SendMessage, resource: "*", expect: implicitDeny }
  - { name: app sends, principal: app, actions: [sqs:SendMessage, sqs:GetQueueUrl], resource: "*", expect: allowed }
`)
    const refs = unresolvedReferences(suite)
    expect(refs.principals).toEqual([APP_ROLE, ALICE])
    const resolver = await fetchLiveAccount(h.client, [...refs.principals, ...refs.managedPolicies])
    const report = await runSuites([suite], {
      resolver,
      engines: [createLocalEngine(), createAwsEngine({ client: h.client, resolver })],
      explainDivergence,
    })
    expect(report.summary).toEqual({ total: 5, passed: 5, failed: 0, errors: 0, divergent: 0 })
    const principalCalls = h.endpoint.callsTo('SimulatePrincipalPolicy')
    // alice's S3 check carries aws:ResourceAccount, her `*` checks do not: two contexts, two calls;
    // the role goes with the path the account gives it
    expect(principalCalls.map((c) => c.params.PolicySourceArn).sort()).toEqual(
      ['arn:aws:iam::111122223333:role/app/AppRole', ALICE, ALICE].sort(),
    )
    expect(report.results[1]!.aws).toMatchObject({
      decision: 'explicitDeny',
      matchedStatements: [{ policy: 'DenyIamWrites', sid: 'NoIamWrites', index: 0, effect: 'Deny' }],
    })
  })

  it('writes a snapshot that reads back as the same account', async () => {
    const text = await writeSnapshot(h.client)
    const json = JSON.parse(text)
    expect(json.UserDetailList[0].UserPolicyList[0].PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: '*' }],
    })
    expect(json.UserDetailList[0].CreateDate).toBe('2024-01-02T03:04:05+00:00')
    expect(text.startsWith('{\n    "UserDetailList"')).toBe(true)
    const parsed = parseAccountSnapshot(text, 'snapshot.json')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const back = snapshotResolver(parsed.value)
    expect(back.principals().sort()).toEqual(['arn:aws:iam::111122223333:role/app/AppRole', ALICE])
    expect(back.getPrincipal(ALICE)?.policies.map((p) => p.name)).toEqual([
      'inline:alice-logs',
      'group:readers/read-s3',
      'DenyIamWrites',
    ])
    expect(h.endpoint.callsTo('GetAccountAuthorizationDetails')[0]!.params.Filter).toBeUndefined()
  })
})
