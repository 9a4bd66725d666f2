import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explainDivergence, SKIP_REASONS } from '../../../core/aws/index.ts'
import { createLocalEngine, runSuites } from '../../../core/suite/index.ts'
import { type Harness, loadYaml, startHarness } from './aws-fixtures.ts'

const PROBES = readFileSync(
  new URL('../../../examples/simulator-probes.iamspec.yaml', import.meta.url),
  'utf8',
)

describe('examples/simulator-probes.iamspec.yaml', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  it('passes locally', async () => {
    const report = await runSuites([loadYaml(PROBES)])
    expect(report.summary).toMatchObject({ failed: 0, errors: 0 })
    expect(report.summary.total).toBeGreaterThanOrEqual(15)
  })

  it('runs on both engines, skipping only the role chain', async () => {
    const report = await runSuites([loadYaml(PROBES)], {
      engines: [createLocalEngine(), h.engine()],
      explainDivergence,
    })
    expect(report.summary).toMatchObject({ failed: 0, errors: 0, divergent: 0 })
    const skipped = report.results.filter((r) => r.aws && 'skipped' in r.aws)
    expect(skipped.map((r) => r.aws)).toEqual([{ skipped: SKIP_REASONS['role-chain'] }])
  })

  it('labels the answers a simulator that fills in aws:CurrentTime and reports SCP implicit denies as explicit would give', async () => {
    h.endpoint.settings.rules = [
      { resource: 'arn:aws:s3:::probe-time/*', decision: 'allowed' },
      { action: 's3:GetObject', principal: '*:role/ProbeMember', decision: 'explicitDeny' },
    ]
    const report = await runSuites([loadYaml(PROBES)], {
      engines: [createLocalEngine(), h.engine()],
      explainDivergence,
    })
    h.endpoint.settings.rules = []
    expect(report.results.filter((r) => r.divergent).map((r) => [r.case, r.divergenceCause])).toEqual([
      ['G.1 aws:CurrentTime is absent unless sent', 'auto-filled-key'],
      ['G.2 an SCP level with no Allow for the action', 'scp-implicit-deny-reported-differently'],
    ])
  })
})
