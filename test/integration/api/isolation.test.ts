import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, newTeam, startTestServer, type TestServer, waitForRun } from './server-fixture.ts'
import { bucketSuite } from './suite-texts.ts'

describe('team isolation', () => {
  let srv: TestServer
  let a: ReturnType<typeof client>
  let b: ReturnType<typeof client>
  let runId: string

  beforeAll(async () => {
    srv = await startTestServer()
    a = client(srv.url, await newTeam(srv, 'team-a'))
    b = client(srv.url, await newTeam(srv, 'team-b'))
    expect((await a.post('/suites', bucketSuite('secret'))).status).toBe(201)
    runId = (await a.post('/suites/secret/runs')).body.id
    expect((await waitForRun(a, runId)).body.status).toBe('completed')
  })
  afterAll(async () => {
    await srv.dispose()
  })

  it('shows team b nothing of team a in listings', async () => {
    expect((await b.get('/suites')).body.items).toEqual([])
    expect((await b.get('/runs')).body.items).toEqual([])
    expect((await b.get('/runs?suiteId=secret')).body.items).toEqual([])
  })

  it('answers team b for team a ids exactly as for ids that do not exist', async () => {
    const pairs = [
      ['/suites/secret', '/suites/never-existed'],
      ['/suites/secret/versions', '/suites/never-existed/versions'],
      ['/suites/secret/versions/1', '/suites/never-existed/versions/1'],
      [`/runs/${runId}`, '/runs/01NEVEREXISTED0000000000000'],
      [`/runs/${runId}/results`, '/runs/01NEVEREXISTED0000000000000/results'],
    ]
    for (const [theirs, missing] of pairs) {
      const x = await b.get(theirs!)
      const y = await b.get(missing!)
      expect(x.status).toBe(404)
      expect(y.status).toBe(404)
      expect(x.body.error.code).toBe(y.body.error.code)
      expect(Object.keys(x.body.error)).toEqual(Object.keys(y.body.error))
    }
  })

  it('lets team b neither change, run, delete nor validate team a suites', async () => {
    expect(
      (await b.put('/suites/secret', { version: 1, body: bucketSuite('secret', { deletes: 'allowed' }) }))
        .status,
    ).toBe(404)
    expect((await b.post('/suites/secret/runs')).status).toBe(404)
    expect((await b.del('/suites/secret')).status).toBe(404)
    expect((await b.post('/validate', { suiteId: 'secret', replace: {} })).status).toBe(404)
    const still = await a.get('/suites/secret')
    expect(still.body).toMatchObject({ version: 1, body: bucketSuite('secret') })
    expect((await a.get('/runs')).body.items).toHaveLength(1)
  })

  it('lets team b create its own suite with the same id without touching team a', async () => {
    const mine = bucketSuite('secret', { resources: 1 })
    expect((await b.post('/suites', mine)).status).toBe(201)
    expect((await b.get('/suites/secret')).body.body).toBe(mine)
    expect((await a.get('/suites/secret')).body.body).toBe(bucketSuite('secret'))
    expect((await b.get('/runs')).body.items).toEqual([])
  })
})
