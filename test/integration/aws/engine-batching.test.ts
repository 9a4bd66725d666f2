import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLocalEngine, expandSuite } from '../../../core/suite/index.ts'
import { decide, type Harness, loadYaml, startHarness } from './aws-fixtures.ts'

const ACCOUNT = '111122223333'

/** A suite with one suite-defined principal and one matrix case of `actions` × `resources` */
const matrixSuite = (actions: number, resources: number, extraCases = '') =>
  loadYaml(`suite: matrix
principals:
  app:
    arn: arn:aws:iam::${ACCOUNT}:user/app
    policies:
      - name: app-policy
        document:
          Version: "2012-10-17"
          Statement:
            - { Sid: Reads, Effect: Allow, Action: "s3:Get*", Resource: "arn:aws:s3:::data/*" }
            - { Sid: NoSecrets, Effect: Deny, Action: "s3:*", Resource: "arn:aws:s3:::data/secret/*" }
cases:
  - name: matrix
    principal: app
    actions: [${Array.from({ length: actions }, (_, i) => (i % 2 === 0 ? `s3:GetObject${i}` : `s3:PutObject${i}`)).join(', ')}]
    resources: [${Array.from({ length: resources }, (_, i) => `"arn:aws:s3:::data/${i % 5 === 0 ? 'secret/' : ''}k${i}"`).join(', ')}]
    expect: denied
${extraCases}`)

describe('AWS engine batching', () => {
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
    h.endpoint.settings.pageCap = 1_000
  })

  it('sends a 10 x 20 matrix as one call with MaxItems 1000', async () => {
    const { checks } = expandSuite(matrixSuite(10, 20))
    const results = await h.engine().evaluate(checks)
    const calls = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.params).toMatchObject({ MaxItems: '1000' })
    expect((calls[0]!.params.ActionNames as string[]).length).toBe(10)
    expect((calls[0]!.params.ResourceArns as string[]).length).toBe(20)
    expect(results.every((r) => 'decision' in r)).toBe(true)
  })

  it('answers every check as the local evaluator does, in both response shapes', async () => {
    const { checks } = expandSuite(matrixSuite(6, 10))
    const local = await decide(createLocalEngine(), checks)
    for (const shape of ['old', 'current'] as const) {
      h.endpoint.settings.shape = shape
      expect(await decide(h.engine(), checks)).toEqual(local)
    }
    expect(new Set(local)).toEqual(new Set(['allowed', 'implicitDeny', 'explicitDeny']))
  })

  it('makes one call of two pages for 2,000 checks in the old shape, one page in the current shape', async () => {
    const { checks } = expandSuite(matrixSuite(40, 50))
    expect(checks).toHaveLength(2_000)
    h.endpoint.settings.shape = 'old'
    const engine = h.engine()
    const old = await engine.evaluate(checks)
    expect(old.every((r) => 'decision' in r)).toBe(true)
    const pages = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(pages).toHaveLength(2)
    expect(pages[0]!.params.Marker).toBeUndefined()
    expect(typeof pages[1]!.params.Marker).toBe('string')
    expect(engine.stats()).toMatchObject({ simulated: 2_000, calls: 1, requests: 2 })
    h.endpoint.reset()
    h.endpoint.settings.shape = 'current'
    await h.engine().evaluate(checks)
    expect(h.endpoint.callsTo('SimulateCustomPolicy')).toHaveLength(1)
  })

  it('follows Marker while IsTruncated when IAM returns fewer items than MaxItems', async () => {
    h.endpoint.settings.pageCap = 7
    h.endpoint.settings.shape = 'old'
    const { checks } = expandSuite(matrixSuite(4, 10))
    expect(await decide(h.engine(), checks)).toEqual(await decide(createLocalEngine(), checks))
    const pages = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(pages).toHaveLength(Math.ceil(40 / 7))
    expect(pages.slice(1).every((p) => typeof p.params.Marker === 'string')).toBe(true)
  })

  it('merges sparse cases of one principal into one call and splits principals and contexts', async () => {
    const suite = matrixSuite(
      1,
      1,
      `  - { name: a, principal: app, actions: [s3:GetObject, s3:PutObject], resource: "arn:aws:s3:::data/a", expect: allowed }
  - { name: b, principal: app, action: s3:DeleteObject, resource: "arn:aws:s3:::data/b", expect: denied }
  - { name: c, principal: app, action: s3:GetObject, resource: "arn:aws:s3:::data/c", context: { aws:SourceIp: 10.0.0.1 }, expect: allowed }
  - { name: d, principal: "arn:aws:iam::${ACCOUNT}:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::data/a", expect: allowed }
`,
    )
    const { checks } = expandSuite(suite)
    expect(checks).toHaveLength(6)
    const engine = h.engine()
    const results = await engine.evaluate(checks)
    expect(results.every((r) => 'decision' in r)).toBe(true)
    const custom = h.endpoint.callsTo('SimulateCustomPolicy')
    expect(custom).toHaveLength(2)
    expect(custom.map((c) => (c.params.ActionNames as string[]).length).sort()).toEqual([1, 4])
    expect(h.endpoint.callsTo('SimulatePrincipalPolicy')).toHaveLength(1)
    expect(engine.stats()).toMatchObject({ simulated: 6, calls: 3, requests: 3 })
  })
})
