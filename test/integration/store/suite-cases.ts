/**
 * Store tests for suites, versions, tokens and team isolation; registered by repository.test.ts per backend.
 * @module
 */
import { describe, expect, it } from 'vitest'
import { ConflictError, InvalidInputError, NotFoundError } from '../../../core/store/repository.ts'
import { collectAll, type Harness, suiteBody } from './fixtures.ts'

/** What the cases get from the backend they run on */
export interface StoreEnv {
  harness(options?: { resultTtlSeconds?: number | null; pageBudgetBytes?: number }): Harness
  readonly largeRun: number
}

const setup = async (env: StoreEnv) => {
  const h = env.harness()
  const team = await h.repo.createTeam({ name: 'payments' })
  return { ...h, teamId: team.id }
}

/** Registers the suite cases */
export const defineSuiteCases = (env: StoreEnv): void => {
  describe('suites', () => {
    it('stores a suite at version 1 and reads it back when created', async () => {
      const { repo, teamId } = await setup(env)
      const created = await repo.createSuite(teamId, {
        id: 's3-read',
        body: suiteBody('s3-read'),
        format: 'yaml',
        description: 'reads',
        tags: ['s3', 'prod'],
      })
      expect(created).toMatchObject({ id: 's3-read', version: 1, tags: ['s3', 'prod'], description: 'reads' })
      const got = await repo.getSuite(teamId, 's3-read')
      expect(got).toEqual(created)
      expect(await repo.getSuite(teamId, 'missing')).toBeUndefined()
    })

    it('throws ConflictError when a suite with the id exists', async () => {
      const { repo, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'dup', body: suiteBody('dup'), format: 'yaml' })
      await expect(
        repo.createSuite(teamId, { id: 'dup', body: 'other', format: 'yaml' }),
      ).rejects.toBeInstanceOf(ConflictError)
      expect((await repo.getSuite(teamId, 'dup'))?.body).toBe(suiteBody('dup'))
      expect((await repo.listSuiteVersions(teamId, 'dup')).items).toHaveLength(1)
    })

    it('keeps every version and lists them newest first in pages when updated', async () => {
      const { repo, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'iam', body: suiteBody('iam', 'v1'), format: 'yaml', tags: ['a'] })
      for (let v = 1; v < 5; v++)
        await repo.updateSuite(teamId, { id: 'iam', body: suiteBody('iam', `v${v + 1}`), format: 'json' }, v)
      const head = await repo.getSuite(teamId, 'iam')
      expect(head).toMatchObject({ version: 5, format: 'json', tags: [], body: suiteBody('iam', 'v5') })
      expect(head?.description).toBeUndefined()
      const all = await collectAll((cursor) => repo.listSuiteVersions(teamId, 'iam', { limit: 2, cursor }))
      expect(all.items.map((v) => v.version)).toEqual([5, 4, 3, 2, 1])
      expect(all.items.map((v) => v.body)).toEqual([5, 4, 3, 2, 1].map((v) => suiteBody('iam', `v${v}`)))
      expect((await repo.getSuiteVersion(teamId, 'iam', 2))?.body).toBe(suiteBody('iam', 'v2'))
      expect(await repo.getSuiteVersion(teamId, 'iam', 6)).toBeUndefined()
    })

    it('lets exactly one of two concurrent updates win when both edited the same version', async () => {
      const { repo, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'race', body: suiteBody('race'), format: 'yaml' })
      for (let round = 1; round <= 3; round++) {
        const outcomes = await Promise.allSettled([
          repo.updateSuite(teamId, { id: 'race', body: `a${round}`, format: 'yaml' }, round),
          repo.updateSuite(teamId, { id: 'race', body: `b${round}`, format: 'yaml' }, round),
        ])
        const won = outcomes.filter((o) => o.status === 'fulfilled')
        const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
        expect(won).toHaveLength(1)
        expect(lost).toHaveLength(1)
        expect(lost[0]).toBeInstanceOf(ConflictError)
        const winner = won[0]!.status === 'fulfilled' ? won[0]!.value : undefined
        expect((await repo.getSuite(teamId, 'race'))?.body).toBe(winner?.body)
      }
      const versions = (await repo.listSuiteVersions(teamId, 'race')).items
      expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1])
    })

    it('throws ConflictError when the expected version is stale and NotFoundError when the suite is missing', async () => {
      const { repo, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'stale', body: suiteBody('stale'), format: 'yaml' })
      await repo.updateSuite(teamId, { id: 'stale', body: 'v2', format: 'yaml' }, 1)
      await expect(
        repo.updateSuite(teamId, { id: 'stale', body: 'old', format: 'yaml' }, 1),
      ).rejects.toBeInstanceOf(ConflictError)
      await expect(
        repo.updateSuite(teamId, { id: 'nope', body: 'x', format: 'yaml' }, 1),
      ).rejects.toBeInstanceOf(NotFoundError)
    })

    it('leaves the old version current when the process dies between the version write and the head flip', async () => {
      const { repo, io, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'crash', body: 'v1', format: 'yaml' })
      io.crashOn((c) => c.name === 'UpdateCommand')
      await expect(
        repo.updateSuite(teamId, { id: 'crash', body: 'lost', format: 'yaml' }, 1),
      ).rejects.toThrow('simulated crash')
      expect(await repo.getSuite(teamId, 'crash')).toMatchObject({ version: 1, body: 'v1' })
      expect((await repo.listSuiteVersions(teamId, 'crash')).items.map((v) => v.body)).toEqual(['v1'])
      expect(await repo.getSuiteVersion(teamId, 'crash', 2)).toBeUndefined()
      // the orphan does not block later edits, and never shows as version 2
      await repo.updateSuite(teamId, { id: 'crash', body: 'v2', format: 'yaml' }, 1)
      await repo.updateSuite(teamId, { id: 'crash', body: 'v3', format: 'yaml' }, 2)
      expect((await repo.getSuiteVersion(teamId, 'crash', 2))?.body).toBe('v2')
      expect((await repo.listSuiteVersions(teamId, 'crash')).items.map((v) => v.body)).toEqual([
        'v3',
        'v2',
        'v1',
      ])
    })

    it('makes the suite and its versions unreachable when deleted', async () => {
      const { repo, teamId } = await setup(env)
      await repo.createSuite(teamId, { id: 'gone', body: 'old1', format: 'yaml' })
      await repo.updateSuite(teamId, { id: 'gone', body: 'old2', format: 'yaml' }, 1)
      await repo.deleteSuite(teamId, 'gone')
      expect(await repo.getSuite(teamId, 'gone')).toBeUndefined()
      expect((await repo.listSuiteVersions(teamId, 'gone')).items).toEqual([])
      await expect(repo.deleteSuite(teamId, 'gone')).rejects.toBeInstanceOf(NotFoundError)
      await repo.createSuite(teamId, { id: 'gone', body: 'new1', format: 'yaml' })
      expect((await repo.listSuiteVersions(teamId, 'gone')).items.map((v) => v.body)).toEqual(['new1'])
      expect(await repo.getSuiteVersion(teamId, 'gone', 2)).toBeUndefined()
    })

    it('lists suites by id with a tag filter and their last run when runs exist', async () => {
      const { repo, teamId } = await setup(env)
      for (const [i, id] of ['a', 'b', 'c', 'd', 'e'].entries())
        await repo.createSuite(teamId, {
          id,
          body: suiteBody(id),
          format: 'yaml',
          tags: i % 2 === 0 ? ['even'] : [],
        })
      const run = await repo.createRun(teamId, {
        suiteId: 'c',
        trigger: { kind: 'manual' },
        engines: ['local'],
      })
      const all = await collectAll((cursor) => repo.listSuites(teamId, { limit: 2, cursor }))
      expect(all.items.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
      expect(all.items.find((s) => s.id === 'c')?.lastRun?.id).toBe(run.id)
      const even = await collectAll((cursor) => repo.listSuites(teamId, { tag: 'even', limit: 2, cursor }))
      expect(even.items.map((s) => s.id)).toEqual(['a', 'c', 'e'])
    })

    it('stores a large suite body compressed and returns it unchanged', async () => {
      const { repo, teamId } = await setup(env)
      const body = `suite: big\ncases:\n${'  - name: c\n    principal: p\n    action: s3:GetObject\n'.repeat(12_000)}`
      expect(body.length).toBeGreaterThan(400 * 1024)
      await repo.createSuite(teamId, { id: 'big', body, format: 'yaml' })
      expect((await repo.getSuite(teamId, 'big'))?.body).toBe(body)
    })
  })

  describe('tokens', () => {
    it('finds a token by its hash and hides it from other teams when deleted by them', async () => {
      const { repo, teamId } = await setup(env)
      const other = await repo.createTeam({ name: 'other' })
      const hash = 'ab'.repeat(32)
      await repo.createToken(teamId, { hash, name: 'ci' })
      expect(await repo.getTokenByHash(hash)).toMatchObject({ hash, teamId, name: 'ci' })
      expect(await repo.getTokenByHash('cd'.repeat(32))).toBeUndefined()
      expect(await repo.getTokenByHash('not-hex')).toBeUndefined()
      await expect(repo.createToken(other.id, { hash, name: 'steal' })).rejects.toBeInstanceOf(ConflictError)
      await expect(repo.createToken('no-team', { hash: 'ef'.repeat(32), name: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      )
      expect((await repo.listTokens(teamId)).items.map((t) => t.hash)).toEqual([hash])
      expect((await repo.listTokens(other.id)).items).toEqual([])
      await expect(repo.deleteToken(other.id, hash)).rejects.toBeInstanceOf(NotFoundError)
      await repo.deleteToken(teamId, hash)
      expect(await repo.getTokenByHash(hash)).toBeUndefined()
      expect((await repo.listTeams({ limit: 1000 })).items.map((t) => t.id)).toEqual(
        expect.arrayContaining([teamId, other.id]),
      )
    })
  })

  describe('team isolation', () => {
    it('never shows one team another team’s suites, runs or results when ids collide', async () => {
      const { repo, teamId: a } = await setup(env)
      const b = (await repo.createTeam({ name: 'b' })).id
      await repo.createSuite(a, { id: 'shared-id', body: 'team a', format: 'yaml' })
      const run = await repo.createRun(a, {
        suiteId: 'shared-id',
        trigger: { kind: 'api' },
        engines: ['local'],
      })
      await repo.recordSlice(a, run.id, 0, [])
      expect(await repo.getSuite(b, 'shared-id')).toBeUndefined()
      expect((await repo.listSuites(b)).items).toEqual([])
      expect((await repo.listSuiteVersions(b, 'shared-id')).items).toEqual([])
      await expect(
        repo.updateSuite(b, { id: 'shared-id', body: 'x', format: 'yaml' }, 1),
      ).rejects.toBeInstanceOf(NotFoundError)
      await expect(repo.deleteSuite(b, 'shared-id')).rejects.toBeInstanceOf(NotFoundError)
      await expect(
        repo.createRun(b, { suiteId: 'shared-id', trigger: { kind: 'api' }, engines: [] }),
      ).rejects.toBeInstanceOf(NotFoundError)
      expect(await repo.getRun(b, run.id)).toBeUndefined()
      expect((await repo.listRuns(b)).items).toEqual([])
      expect((await repo.listRuns(b, { suiteId: 'shared-id' })).items).toEqual([])
      expect((await repo.listResults(b, run.id)).items).toEqual([])
      await expect(repo.markRunning(b, run.id)).rejects.toBeInstanceOf(NotFoundError)
      await expect(repo.recordSlice(b, run.id, 0, [])).rejects.toBeInstanceOf(NotFoundError)
      await expect(repo.finishRun(b, run.id, { status: 'failed', error: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      )
      // a cursor minted for team a is refused for team b
      await repo.createSuite(a, { id: 'second', body: 'x', format: 'yaml' })
      const page = await repo.listSuites(a, { limit: 1 })
      expect(page.cursor).toBeDefined()
      await expect(repo.listSuites(b, { limit: 1, cursor: page.cursor! })).rejects.toBeInstanceOf(
        InvalidInputError,
      )
      expect((await repo.getSuite(a, 'shared-id'))?.body).toBe('team a')
    })
  })
}
