import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, startTestServer, type TestServer, waitForRun } from './server-fixture.ts'
import { bucketSuite } from './suite-texts.ts'

describe('suite, run, results and regressions over http', () => {
  let srv: TestServer
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    srv = await startTestServer({ sliceSize: 100 })
    api = client(srv.url, srv.teamToken)
  })
  afterAll(async () => {
    await srv.dispose()
  })

  it('answers health without a token when asked', async () => {
    const answer = await client(srv.url).get('/health')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ ok: true, version: expect.any(String) })
  })

  it('names the team of the token on GET /me, and needs a token for it', async () => {
    expect(await api.get('/me')).toMatchObject({
      status: 200,
      body: { teamId: expect.any(String), teamName: 'default' },
    })
    expect((await client(srv.url).get('/me')).status).toBe(401)
  })

  it('runs a suite, pages its results and reports regressions when a check flips', async () => {
    // 2 actions x 150 resources + 2 single checks = 302 checks: 4 slices of 100
    const created = await api.post('/suites', bucketSuite('flow', { resources: 150 }))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ id: 'flow', version: 1, format: 'yaml', tags: ['s3', 'test'] })

    const queued = await api.post('/suites/flow/runs', { trigger: { kind: 'manual', detail: 'test' } })
    expect(queued.status).toBe(202)
    expect(queued.body).toMatchObject({
      suiteId: 'flow',
      suiteVersion: 1,
      status: 'queued',
      engines: ['local'],
    })

    const first = await waitForRun(api, queued.body.id)
    expect(first.body).toMatchObject({
      status: 'completed',
      summary: { total: 302, passed: 301, failed: 1, errors: 0, divergent: 0 },
      regressions: [],
      trigger: { kind: 'manual', detail: 'test' },
    })
    expect(first.body.previousRunId).toBeUndefined()

    // paging: 302 results in pages of 120, in order, with no duplicates
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await api.get(
        `/runs/${queued.body.id}/results?limit=120${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(page.status).toBe(200)
      expect(page.body.items.length).toBeLessThanOrEqual(120)
      seen.push(
        ...page.body.items.map(
          (r: { action: string; resource: string; case: string }) => `${r.case}|${r.action}|${r.resource}`,
        ),
      )
      cursor = page.body.cursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(302)
    expect(new Set(seen).size).toBe(302)

    const failed = await api.get(`/runs/${queued.body.id}/results?status=failed`)
    expect(failed.body.items).toHaveLength(1)
    expect(failed.body.items[0]).toMatchObject({ case: 'writer cannot read other buckets', status: 'failed' })
    const divergent = await api.get(`/runs/${queued.body.id}/results?divergent=true`)
    expect(divergent.body.items).toEqual([])

    // edit: deletes become allowed (a new failure), run again
    const current = await api.get('/suites/flow')
    const edited = await api.put('/suites/flow', {
      version: current.body.version,
      body: bucketSuite('flow', { resources: 150, deletes: 'allowed' }),
    })
    expect(edited.status).toBe(200)
    expect(edited.body.version).toBe(2)
    const second = await waitForRun(api, (await api.post('/suites/flow/runs')).body.id)
    expect(second.body).toMatchObject({
      status: 'completed',
      suiteVersion: 2,
      previousRunId: queued.body.id,
      summary: { total: 302, passed: 300, failed: 2 },
      regressions: [
        {
          kind: 'newFailure',
          case: 'writer cannot delete',
          principal: 'arn:aws:iam::111122223333:role/Writer',
          action: 's3:DeleteObject',
          resource: 'arn:aws:s3:::data-bucket/k0',
          before: { status: 'passed', divergent: false, decision: 'implicitDeny' },
          after: { status: 'failed', divergent: false, decision: 'allowed' },
        },
      ],
    })

    // edit again: deletes explicitly denied: passes again, no regression against the failing run
    const third = await api.put('/suites/flow', {
      version: 2,
      body: bucketSuite('flow', { resources: 150, deletes: 'explicitlyDenied' }),
    })
    expect(third.status).toBe(200)
    const fixed = await waitForRun(api, (await api.post('/suites/flow/runs')).body.id)
    expect(fixed.body).toMatchObject({ status: 'completed', regressions: [], summary: { failed: 1 } })

    // back to no deny statement: still passes, but the decision flips explicitDeny -> implicitDeny
    await api.put('/suites/flow', { version: 3, body: bucketSuite('flow', { resources: 150 }) })
    const flipped = await waitForRun(api, (await api.post('/suites/flow/runs')).body.id)
    expect(flipped.body.regressions).toEqual([
      expect.objectContaining({
        kind: 'decisionFlip',
        action: 's3:DeleteObject',
        before: { status: 'passed', divergent: false, decision: 'explicitDeny' },
        after: { status: 'passed', divergent: false, decision: 'implicitDeny' },
      }),
    ])
  })

  it('lists runs newest first and the suite with its last run when asked', async () => {
    const runs = await api.get('/runs?suiteId=flow&limit=2')
    expect(runs.status).toBe(200)
    expect(runs.body.items).toHaveLength(2)
    expect(runs.body.cursor).toEqual(expect.any(String))
    expect(runs.body.items[0].id > runs.body.items[1].id).toBe(true)
    const next = await api.get(`/runs?suiteId=flow&limit=2&cursor=${encodeURIComponent(runs.body.cursor)}`)
    expect(next.body.items).toHaveLength(2)
    const suites = await api.get('/suites')
    expect(suites.body.items).toEqual([
      expect.objectContaining({
        id: 'flow',
        version: 4,
        lastRun: expect.objectContaining({ id: runs.body.items[0].id }),
      }),
    ])
  })

  it('keeps every version and serves each when asked', async () => {
    const versions = await api.get('/suites/flow/versions')
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1])
    const v2 = await api.get('/suites/flow/versions/2')
    expect(v2.status).toBe(200)
    expect(v2.body.body).toContain('s3:DeleteObject')
    expect((await api.get('/suites/flow/versions/9')).status).toBe(404)
  })

  it('runs an empty suite to completion when every case is skipped', async () => {
    const text = `${bucketSuite('skipped').replace(/expect: (allowed|denied)/g, 'expect: $1\n    skip: not now')}`
    expect((await api.post('/suites', text)).status).toBe(201)
    const run = await waitForRun(api, (await api.post('/suites/skipped/runs')).body.id)
    expect(run.body).toMatchObject({ status: 'completed', summary: { total: 0, skipped: 10 } })
  })

  it('deletes a suite and forgets it when asked', async () => {
    expect((await api.post('/suites', bucketSuite('gone'))).status).toBe(201)
    expect((await api.del('/suites/gone')).status).toBe(204)
    expect((await api.get('/suites/gone')).status).toBe(404)
    expect((await api.del('/suites/gone')).status).toBe(404)
  })
})
