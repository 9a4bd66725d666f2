import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AWS_ENGINE_UNAVAILABLE,
  enginesFor,
  processSlice,
  type RunDeps,
  type SliceMessage,
  startRun,
  sweepStaleRuns,
  TooManyChecksError,
} from '../../../../core/runs/index.ts'
import { createDynamoRepository, type Repository } from '../../../../core/store/index.ts'
import type { DynamoBackend } from '../../../support/dynamo/backend.ts'
import { startDynalite } from '../../../support/dynamo/dynalite.ts'

const suiteText = (id: string, resources: number, deletes = false): string => `suite: ${id}
principals:
  writer:
    arn: arn:aws:iam::111122223333:role/Writer
    policies:
      - name: write
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: [s3:GetObject${deletes ? ', s3:DeleteObject' : ''}]
              Resource: "*"
cases:
  - name: reads
    principal: writer
    action: s3:GetObject
    resources: [${Array.from({ length: resources }, (_, i) => `"arn:aws:s3:::b/k${i}"`).join(', ')}]
    expect: allowed
  - name: never deletes
    principal: writer
    action: s3:DeleteObject
    resource: arn:aws:s3:::b/k0
    expect: denied
`

describe('run orchestration on the dynamo repository', () => {
  let backend: DynamoBackend
  let repo: Repository
  let sent: SliceMessage[]
  let deps: RunDeps
  let teamId: string

  const store = async (id: string, text: string) =>
    repo.createSuite(teamId, { id, body: text, format: 'yaml', tags: [] })

  beforeAll(async () => {
    backend = await startDynalite()
    repo = createDynamoRepository({ client: backend.doc, tableName: await backend.createTable() })
    sent = []
    deps = {
      repo,
      queue: {
        enqueue: async (messages) => {
          sent.push(...messages)
        },
      },
      enginesFor: (run) => enginesFor(run),
      sliceSize: 4,
    }
    teamId = (await repo.createTeam({ name: 't' })).id
  })
  afterAll(async () => {
    await backend.stop()
  })

  it('queues one message per slice and closes the run when the last slice is recorded in any order', async () => {
    await store('sliced', suiteText('sliced', 9))
    sent = []
    const run = await startRun(deps, teamId, 'sliced', { engines: ['local'], trigger: { kind: 'api' } })
    expect(run).toMatchObject({ status: 'queued', slices: 3 })
    expect(sent.map((m) => [m.slice, m.start, m.end])).toEqual([
      [0, 0, 4],
      [1, 4, 8],
      [2, 8, 10],
    ])
    const outcomes = []
    for (const m of [sent[2]!, sent[0]!, sent[1]!]) outcomes.push(await processSlice(deps, m))
    expect(outcomes).toEqual(['recorded', 'recorded', 'closed'])
    const done = await repo.getRunDetail(teamId, run.id)
    expect(done).toMatchObject({ status: 'completed', summary: { total: 10, passed: 10 }, regressions: [] })
    // a retried message after the close changes nothing
    expect(await processSlice(deps, sent[1]!)).toBe('dropped')
  })

  it('counts a retried slice once when the slice is delivered twice', async () => {
    await store('retried', suiteText('retried', 5))
    sent = []
    const run = await startRun(deps, teamId, 'retried', { engines: ['local'], trigger: { kind: 'api' } })
    expect(await processSlice(deps, sent[0]!)).toBe('recorded')
    expect(await processSlice(deps, sent[0]!)).toBe('recorded')
    expect((await repo.getRun(teamId, run.id))?.slicesDone).toBe(1)
    expect(await processSlice(deps, sent[1]!)).toBe('closed')
    expect((await repo.getRun(teamId, run.id))?.summary?.total).toBe(6)
  })

  it('computes regressions against the previous completed run when the suite changed', async () => {
    await store('regress', suiteText('regress', 2))
    sent = []
    await startRun(deps, teamId, 'regress', { engines: ['local'], trigger: { kind: 'api' } })
    for (const m of sent) await processSlice(deps, m)
    await repo.updateSuite(
      teamId,
      { id: 'regress', body: suiteText('regress', 2, true), format: 'yaml', tags: [] },
      1,
    )
    sent = []
    const second = await startRun(deps, teamId, 'regress', { engines: ['local'], trigger: { kind: 'api' } })
    for (const m of sent) await processSlice(deps, m)
    const detail = await repo.getRunDetail(teamId, second.id)
    expect(detail?.regressions).toEqual([
      expect.objectContaining({ kind: 'newFailure', case: 'never deletes', action: 's3:DeleteObject' }),
    ])
  })

  it('drops slices of a run that was failed meanwhile', async () => {
    await store('failed-meanwhile', suiteText('failed-meanwhile', 3))
    sent = []
    const run = await startRun(deps, teamId, 'failed-meanwhile', {
      engines: ['local'],
      trigger: { kind: 'api' },
    })
    await repo.finishRun(teamId, run.id, { status: 'failed', error: 'swept' })
    expect(await processSlice(deps, sent[0]!)).toBe('dropped')
    expect((await repo.getRun(teamId, run.id))?.error).toBe('swept')
  })

  it('fails the run when its suite was deleted before a slice ran', async () => {
    await store('deleted', suiteText('deleted', 3))
    sent = []
    const run = await startRun(deps, teamId, 'deleted', { engines: ['local'], trigger: { kind: 'api' } })
    await repo.deleteSuite(teamId, 'deleted')
    expect(await processSlice(deps, sent[0]!)).toBe('failed')
    expect(await repo.getRun(teamId, run.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('deleted'),
    })
  })

  it('fails the run and throws when the queue refuses the slices', async () => {
    await store('unqueued', suiteText('unqueued', 1))
    const broken: RunDeps = {
      ...deps,
      queue: { enqueue: async () => Promise.reject(new Error('queue down')) },
    }
    await expect(
      startRun(broken, teamId, 'unqueued', { engines: ['local'], trigger: { kind: 'api' } }),
    ).rejects.toThrow('queue down')
    const runs = await repo.listRuns(teamId, { suiteId: 'unqueued' })
    expect(runs.items[0]).toMatchObject({
      status: 'failed',
      error: 'the run could not be queued: queue down',
    })
  })

  it('refuses a run over the check limit without storing it', async () => {
    await store('too-big', suiteText('too-big', 20))
    await expect(
      startRun({ ...deps, maxChecks: 10 }, teamId, 'too-big', {
        engines: ['local'],
        trigger: { kind: 'api' },
      }),
    ).rejects.toThrow(TooManyChecksError)
    expect((await repo.listRuns(teamId, { suiteId: 'too-big' })).items).toEqual([])
  })

  it('reports the aws engine as skipped and judges on local when no aws engine is plugged in', async () => {
    await store('both', suiteText('both', 1))
    sent = []
    const run = await startRun(deps, teamId, 'both', { engines: ['local', 'aws'], trigger: { kind: 'api' } })
    for (const m of sent) await processSlice(deps, m)
    const results = await repo.listResults(teamId, run.id)
    expect(results.items[0]).toMatchObject({
      status: 'passed',
      divergent: false,
      aws: { skipped: AWS_ENGINE_UNAVAILABLE },
    })
  })

  it('fails runs left queued or running when swept', async () => {
    await store('stuck', suiteText('stuck', 1))
    sent = []
    const run = await startRun(deps, teamId, 'stuck', { engines: ['local'], trigger: { kind: 'api' } })
    const swept = await sweepStaleRuns({ repo }, new Date(Date.now() + 1000), 'too slow')
    expect(swept).toBeGreaterThanOrEqual(1)
    expect(await repo.getRun(teamId, run.id)).toMatchObject({ status: 'failed', error: 'too slow' })
    expect(await sweepStaleRuns({ repo }, new Date(Date.now() + 1000), 'too slow')).toBe(0)
  })
})
