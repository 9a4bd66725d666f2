import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAwsEngine, createIamClient, explainDivergence } from '../../../core/aws/index.ts'
import { createLocalEngine, expandSuite, runSuites } from '../../../core/suite/index.ts'
import {
  decide,
  type Harness,
  loadYaml,
  startHarness,
  TEST_CREDENTIALS,
  testAccountResolver,
} from './aws-fixtures.ts'

/** `n` suite principals (one call each) and, optionally, a case for the account user alice */
const suiteOf = (n: number, withAlice = false) =>
  loadYaml(`suite: retries
principals:
${Array.from(
  { length: n },
  (_, i) => `  p${i}:
    arn: arn:aws:iam::111122223333:user/p${i}
    policies: [ { name: p${i}, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::b${i}/*" } ] } } ]`,
).join('\n')}
cases:
${Array.from({ length: n }, (_, i) => `  - { name: c${i}, principal: p${i}, action: s3:GetObject, resource: "arn:aws:s3:::b${i}/k", expect: allowed }`).join('\n')}
${withAlice ? '  - { name: alice, principal: "arn:aws:iam::111122223333:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::x/k", expect: allowed }' : ''}
`)

describe('AWS engine retries and concurrency', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })
  beforeEach(() => {
    h.endpoint.reset()
    h.endpoint.settings.latencyMs = 0
    h.sleeps.length = 0
  })

  it('succeeds after two throttled calls, backing off with full jitter', async () => {
    h.endpoint.failNext(2)
    const engine = h.engine({ retry: { baseDelayMs: 100 } })
    expect(await decide(engine, expandSuite(suiteOf(1)).checks)).toEqual(['allowed'])
    expect(h.endpoint.calls.map((c) => c.code ?? c.status)).toEqual(['Throttling', 'Throttling', 200])
    expect(h.sleeps).toEqual([50, 100])
    expect(engine.stats()).toMatchObject({ retries: 2, requests: 1, failedCalls: 0 })
  })

  it('retries 5xx answers too, but not InvalidInput', async () => {
    h.endpoint.failNext(1, { code: 'ServiceUnavailable' })
    expect(await decide(h.engine(), expandSuite(suiteOf(1)).checks)).toEqual(['allowed'])
    h.endpoint.reset()
    h.endpoint.failNext(5, { code: 'InvalidInput', message: 'bad request' })
    expect(await decide(h.engine(), expandSuite(suiteOf(1)).checks)).toEqual([
      'error: InvalidInput: bad request',
    ])
    expect(h.endpoint.calls).toHaveLength(1)
  })

  it('turns a call that keeps failing into errors for its checks only, and the run goes on', async () => {
    h.endpoint.failNext(Number.POSITIVE_INFINITY, { action: 'SimulatePrincipalPolicy' })
    const report = await runSuites([suiteOf(2, true)], {
      resolver: testAccountResolver(),
      engines: [createLocalEngine(), h.engine({ retry: { maxAttempts: 3 } })],
      explainDivergence,
    })
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'passed', 'error'])
    expect(report.results[2]!.message).toBe('aws: Throttling: Rate exceeded')
    expect(report.results[0]!.aws).toMatchObject({ decision: 'allowed' })
    expect(h.endpoint.callsTo('SimulatePrincipalPolicy')).toHaveLength(3)
    expect(report.summary).toMatchObject({ total: 3, passed: 2, errors: 1, divergent: 0 })
  })

  it('keeps at most 4 calls in flight by default, and as many as it is told', async () => {
    h.endpoint.settings.latencyMs = 40
    const checks = expandSuite(suiteOf(12)).checks
    expect(await decide(h.engine(), checks)).toEqual(checks.map(() => 'allowed'))
    expect(h.endpoint.calls).toHaveLength(12)
    expect(h.endpoint.maxInFlight()).toBe(4)
    h.endpoint.reset()
    await decide(h.engine({ maxInFlight: 1 }), checks)
    expect(h.endpoint.maxInFlight()).toBe(1)
  })

  it('retries network errors and reports their code when they persist', async () => {
    const closed = await startHarness()
    const url = closed.endpoint.url
    await closed.close()
    const client = createIamClient({ endpoint: url, credentials: TEST_CREDENTIALS })
    const sleeps: number[] = []
    const engine = createAwsEngine({
      client,
      retry: { maxAttempts: 3, sleep: async (ms) => void sleeps.push(ms) },
    })
    const [answer] = await decide(engine, expandSuite(suiteOf(1)).checks)
    expect(answer).toMatch(/^error: ECONNREFUSED: /)
    expect(sleeps).toHaveLength(2)
    client.destroy()
  })
})
