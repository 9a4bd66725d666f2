/**
 * Store tests for check results: pages by bytes, paging and filters over a large run, slice idempotency and
 * TTL filtering; registered by repository.test.ts per backend.
 * @module
 */
import { describe, expect, it } from 'vitest'
import { BATCH_SIZE } from '../../../core/store/batch-write.ts'
import { itemSize, MAX_ITEM_BYTES } from '../../../core/store/item-size.ts'
import { collectAll, makeResults } from './fixtures.ts'
import type { StoreEnv } from './suite-cases.ts'

const setup = async (env: StoreEnv, options?: Parameters<StoreEnv['harness']>[0]) => {
  const h = env.harness(options)
  const team = await h.repo.createTeam({ name: 'results' })
  await h.repo.createSuite(team.id, { id: 'big', body: 'suite: big', format: 'yaml' })
  const run = await h.repo.createRun(team.id, {
    suiteId: 'big',
    trigger: { kind: 'api' },
    engines: ['local', 'aws'],
  })
  return { ...h, teamId: team.id, runId: run.id }
}

const pagePuts = (seen: readonly { name: string; input: Record<string, unknown> }[]) =>
  seen
    .filter((c) => c.name === 'BatchWriteCommand')
    .flatMap((c) =>
      Object.values(
        c.input.RequestItems as Record<string, { PutRequest?: { Item: Record<string, unknown> } }[]>,
      ),
    )
    .flat()
    .flatMap((r) => (r.PutRequest === undefined ? [] : [r.PutRequest.Item]))

/** Registers the result cases */
export const defineResultCases = (env: StoreEnv): void => {
  describe('results', () => {
    it('stores a large run in few pages and pages through it in order with filters', async () => {
      const total = env.largeRun
      const slices = 4
      const { repo, io, teamId, runId } = await setup(env)
      await repo.markRunning(teamId, runId, { slices })
      const all = makeResults(0, total)
      const perSlice = total / slices
      io.seen.length = 0
      const started = performance.now()
      for (let s = 0; s < slices; s++)
        await repo.recordSlice(teamId, runId, s, all.slice(s * perSlice, (s + 1) * perSlice))
      const storeMs = performance.now() - started
      const puts = pagePuts(io.seen)
      const batchCalls = io.seen.filter((c) => c.name === 'BatchWriteCommand').length
      const jsonBytes = all.reduce((sum, r) => sum + JSON.stringify(r).length + 1, 0)
      // every page is under the budget, and there are about as many pages as the bytes need
      expect(puts.every((item) => itemSize(item) < 310 * 1024 && itemSize(item) < MAX_ITEM_BYTES)).toBe(true)
      expect(puts.length).toBeLessThanOrEqual(Math.ceil(jsonBytes / (300 * 1024)) + slices)
      expect(puts.reduce((sum, item) => sum + Number(item.count), 0)).toBe(total)
      expect(batchCalls).toBeLessThanOrEqual(slices * Math.ceil(puts.length / slices / BATCH_SIZE + 1))
      expect(io.seen.length).toBeLessThan(50)
      console.info(
        `[store] ${total} checks: ${puts.length} page items, ${batchCalls} BatchWriteItem calls, ${io.seen.length} requests, ${storeMs.toFixed(0)} ms`,
      )

      const everything = await collectAll((cursor) => repo.listResults(teamId, runId, { limit: 777, cursor }))
      expect(everything.items).toHaveLength(total)
      expect(everything.items.map((r) => r.resource)).toEqual(all.map((r) => r.resource))
      expect(everything.items[123]).toEqual(all[123])
      expect(everything.pages).toBe(Math.ceil(total / 777))

      const failed = await collectAll((cursor) =>
        repo.listResults(teamId, runId, { status: 'failed', limit: 2000, cursor }),
      )
      expect(failed.items.map((r) => r.resource)).toEqual(
        all.filter((r) => r.status === 'failed').map((r) => r.resource),
      )
      const divergentErrors = await collectAll((cursor) =>
        repo.listResults(teamId, runId, { status: 'error', divergent: true, limit: 50, cursor }),
      )
      expect(divergentErrors.items.map((r) => r.resource)).toEqual(
        all.filter((r) => r.status === 'error' && r.divergent).map((r) => r.resource),
      )
      const firstPage = await repo.listResults(teamId, runId)
      expect(firstPage.items).toHaveLength(500)
      expect(firstPage.cursor).toBeDefined()
    })

    it('overwrites a slice instead of duplicating it when the slice is written again', async () => {
      const { repo, teamId, runId } = await setup(env, { pageBudgetBytes: 8 * 1024 })
      await repo.markRunning(teamId, runId, { slices: 2 })
      await repo.recordSlice(teamId, runId, 1, makeResults(1000, 40, 'first'))
      await repo.recordSlice(teamId, runId, 0, makeResults(0, 30))
      // the retry of slice 1 has fewer results (fewer pages): the earlier attempt's extra pages must go
      const retry = await repo.recordSlice(teamId, runId, 1, makeResults(1000, 25, 'retry'))
      expect(retry).toMatchObject({ firstTime: false, run: { slicesDone: 2, slices: 2 } })
      const all = await collectAll((cursor) => repo.listResults(teamId, runId, { limit: 7, cursor }))
      expect(all.items.map((r) => r.case)).toEqual(
        [...makeResults(0, 30), ...makeResults(1000, 25, 'retry')].map((r) => r.case),
      )
    })

    it('reads expired result pages as absent when their TTL has passed', async () => {
      const { repo, clock, teamId, runId } = await setup(env, { resultTtlSeconds: 3600 })
      await repo.recordSlice(teamId, runId, 0, makeResults(0, 100))
      clock.advance(3599 * 1000)
      expect((await repo.listResults(teamId, runId, { limit: 1000 })).items).toHaveLength(100)
      clock.advance(1000)
      expect((await repo.listResults(teamId, runId, { limit: 1000 })).items).toEqual([])
      expect(await repo.getRun(teamId, runId)).toBeDefined()
    })
  })
}
