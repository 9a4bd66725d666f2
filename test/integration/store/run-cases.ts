/**
 * Store tests for runs: creation, listing newest first, the slice protocol, finishing, regressions, previous
 * completed runs and the sweeper's stale-run query; registered by repository.test.ts per backend.
 * @module
 */
import { describe, expect, it } from 'vitest'
import { ConflictError, NotFoundError, type Regression } from '../../../core/store/repository.ts'
import { collectAll, makeResults } from './fixtures.ts'
import type { StoreEnv } from './suite-cases.ts'

const setup = async (env: StoreEnv, suites: readonly string[] = ['alpha']) => {
  const h = env.harness()
  const team = await h.repo.createTeam({ name: 'runs' })
  for (const id of suites) await h.repo.createSuite(team.id, { id, body: `suite: ${id}`, format: 'yaml' })
  return { ...h, teamId: team.id }
}

const regression = (n: number): Regression => ({
  kind: 'newFailure',
  case: `case ${n} ${'x'.repeat(200)}`,
  principal: 'arn:aws:iam::123456789012:role/r',
  action: 's3:GetObject',
  resource: `arn:aws:s3:::b/${n}`,
  before: { status: 'passed', divergent: false, decision: 'allowed' },
  after: { status: 'failed', divergent: false, decision: 'implicitDeny' },
})

/** Registers the run cases */
export const defineRunCases = (env: StoreEnv): void => {
  describe('runs', () => {
    it('lists runs newest first across pages for the team and per suite when many exist', async () => {
      const { repo, clock, teamId } = await setup(env, ['alpha', 'beta'])
      const created: string[] = []
      for (let i = 0; i < 7; i++) {
        const run = await repo.createRun(teamId, {
          suiteId: i % 2 === 0 ? 'alpha' : 'beta',
          trigger: { kind: 'schedule', detail: 'nightly' },
          engines: ['local', 'aws'],
        })
        expect(run).toMatchObject({ status: 'queued', slices: 1, slicesDone: 0, suiteVersion: 1 })
        created.push(run.id)
        if (i % 3 === 0) clock.advance(1000) // some runs share a millisecond: ids must still sort
      }
      expect([...created].sort()).toEqual(created)
      const all = await collectAll((cursor) => repo.listRuns(teamId, { limit: 3, cursor }))
      expect(all.items.map((r) => r.id)).toEqual([...created].reverse())
      const alpha = await collectAll((cursor) =>
        repo.listRuns(teamId, { suiteId: 'alpha', limit: 2, cursor }),
      )
      expect(alpha.items.map((r) => r.id)).toEqual(created.filter((_, i) => i % 2 === 0).reverse())
      expect(alpha.items[0]).toMatchObject({
        suiteId: 'alpha',
        trigger: { kind: 'schedule', detail: 'nightly' },
      })
      expect((await repo.getSuite(teamId, 'beta'))?.lastRun?.id).toBe(created[5])
      await expect(
        repo.createRun(teamId, { suiteId: 'alpha', suiteVersion: 2, trigger: { kind: 'api' }, engines: [] }),
      ).rejects.toBeInstanceOf(NotFoundError)
    })

    it('counts each slice once and lets only one caller close the run when slices are retried', async () => {
      const { repo, teamId } = await setup(env)
      const run = await repo.createRun(teamId, {
        suiteId: 'alpha',
        trigger: { kind: 'api' },
        engines: ['local'],
      })
      const running = await repo.markRunning(teamId, run.id, { slices: 3 })
      expect(running).toMatchObject({ status: 'running', slices: 3, slicesDone: 0 })
      expect(running.startedAt).toBeDefined()
      expect((await repo.markRunning(teamId, run.id)).status).toBe('running')
      const first = await repo.recordSlice(teamId, run.id, 0, makeResults(0, 10))
      expect(first).toMatchObject({ firstTime: true, run: { slicesDone: 1 } })
      const again = await repo.recordSlice(teamId, run.id, 0, makeResults(0, 10))
      expect(again).toMatchObject({ firstTime: false, run: { slicesDone: 1 } })
      const done = await Promise.all([
        repo.recordSlice(teamId, run.id, 2, makeResults(20, 10)),
        repo.recordSlice(teamId, run.id, 1, makeResults(10, 10)),
      ])
      expect(done.map((d) => d.run.slicesDone).sort()).toEqual([2, 3])
      const closers = done.filter((d) => d.run.slicesDone === d.run.slices)
      expect(closers).toHaveLength(1)
      const summary = { total: 30, passed: 20, failed: 5, errors: 5, divergent: 3 }
      const finished = await repo.finishRun(teamId, run.id, { status: 'completed', summary, regressions: [] })
      expect(finished).toMatchObject({ status: 'completed', summary, regressions: [] })
      expect(finished.finishedAt).toBeDefined()
      await expect(
        repo.finishRun(teamId, run.id, { status: 'failed', error: 'late' }),
      ).rejects.toBeInstanceOf(ConflictError)
      await expect(repo.recordSlice(teamId, run.id, 1, [])).rejects.toBeInstanceOf(ConflictError)
      await expect(repo.markRunning(teamId, run.id)).rejects.toBeInstanceOf(ConflictError)
      const results = (await repo.listResults(teamId, run.id, { limit: 2000 })).items
      expect(results.map((r) => r.resource)).toEqual(makeResults(0, 30).map((r) => r.resource))
    })

    it('keeps regressions with the run and finds the previous completed run of the same suite', async () => {
      const { repo, teamId } = await setup(env, ['alpha', 'beta'])
      const start = () =>
        repo.createRun(teamId, { suiteId: 'alpha', trigger: { kind: 'api' }, engines: ['local'] })
      const r1 = await start()
      await repo.finishRun(teamId, r1.id, {
        status: 'completed',
        summary: { total: 0, passed: 0, failed: 0, errors: 0, divergent: 0 },
      })
      const r2 = await start()
      await repo.finishRun(teamId, r2.id, { status: 'failed', error: 'the aws engine was throttled' })
      await repo.createRun(teamId, { suiteId: 'beta', trigger: { kind: 'api' }, engines: ['local'] })
      const r3 = await start()
      expect(await repo.getPreviousCompletedRun(teamId, 'alpha', r3.id)).toMatchObject({ id: r1.id })
      expect(await repo.getPreviousCompletedRun(teamId, 'alpha', r1.id)).toBeUndefined()
      expect(await repo.getPreviousCompletedRun(teamId, 'beta', r3.id)).toBeUndefined()
      const small = [regression(1), regression(2)]
      await repo.finishRun(teamId, r3.id, {
        status: 'completed',
        summary: { total: 2, passed: 0, failed: 2, errors: 0, divergent: 0 },
        regressions: small,
        previousRunId: r1.id,
      })
      expect(await repo.getRunDetail(teamId, r3.id)).toMatchObject({
        previousRunId: r1.id,
        regressions: small,
      })
      expect((await repo.getRunDetail(teamId, r2.id))?.error).toBe('the aws engine was throttled')
      const r4 = await start()
      const many = Array.from({ length: 2000 }, (_, i) => regression(i))
      await repo.finishRun(teamId, r4.id, { status: 'completed', regressions: many, previousRunId: r3.id })
      expect((await repo.getRunDetail(teamId, r4.id))?.regressions).toEqual(many)
      expect((await repo.getRunDetail(teamId, r1.id))?.regressions).toEqual([])
    })

    it('lists unfinished runs of every team created before the cutoff when sweeping', async () => {
      const { repo, clock, teamId } = await setup(env)
      const otherTeam = (await repo.createTeam({ name: 'other' })).id
      await repo.createSuite(otherTeam, { id: 'alpha', body: 'x', format: 'yaml' })
      const mk = (team: string) =>
        repo.createRun(team, { suiteId: 'alpha', trigger: { kind: 'api' }, engines: [] })
      const stuckQueued = await mk(teamId)
      const stuckRunning = await mk(otherTeam)
      await repo.markRunning(otherTeam, stuckRunning.id)
      const finished = await mk(teamId)
      await repo.finishRun(teamId, finished.id, { status: 'failed', error: 'x' })
      clock.advance(60 * 60 * 1000)
      const fresh = await mk(teamId)
      const cutoff = new Date(clock.now().getTime() - 15 * 60 * 1000).toISOString()
      const stale = await collectAll((cursor) => repo.listStaleRuns(cutoff, { limit: 1, cursor }))
      const mine = stale.items.filter((r) => [teamId, otherTeam].includes(r.teamId)).map((r) => r.id)
      expect(mine).toEqual([stuckQueued.id, stuckRunning.id])
      expect(mine).not.toContain(fresh.id)
      const ours = stale.items.filter((r) => [teamId, otherTeam].includes(r.teamId))
      for (const run of ours)
        await repo.finishRun(run.teamId, run.id, { status: 'failed', error: 'timed out' })
      const after = (await repo.listStaleRuns(cutoff)).items
      expect(after.filter((r) => [teamId, otherTeam].includes(r.teamId))).toEqual([])
      expect(await repo.getRun(otherTeam, stuckRunning.id)).toMatchObject({
        status: 'failed',
        error: 'timed out',
      })
    })

    it('shows no run when the process dies before the run item is written', async () => {
      const { repo, io, teamId } = await setup(env)
      io.crashOn((c) => c.name === 'PutCommand' && (c.input.Item as Record<string, unknown>).type === 'run')
      await expect(
        repo.createRun(teamId, { suiteId: 'alpha', trigger: { kind: 'api' }, engines: [] }),
      ).rejects.toThrow('simulated crash')
      expect((await repo.listRuns(teamId)).items).toEqual([])
      expect((await repo.listRuns(teamId, { suiteId: 'alpha' })).items).toEqual([])
      expect((await repo.getSuite(teamId, 'alpha'))?.lastRun).toBeUndefined()
      const run = await repo.createRun(teamId, { suiteId: 'alpha', trigger: { kind: 'api' }, engines: [] })
      expect((await repo.listRuns(teamId, { suiteId: 'alpha' })).items.map((r) => r.id)).toEqual([run.id])
    })
  })
}
