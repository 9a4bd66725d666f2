import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, client, startTestServer, type TestServer } from './server-fixture.ts'
import { bucketSuite } from './suite-texts.ts'

describe('api error answers', () => {
  let srv: TestServer
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    srv = await startTestServer()
    api = client(srv.url, srv.teamToken)
    expect((await api.post('/suites', bucketSuite('base'))).status).toBe(201)
  })
  afterAll(async () => {
    await srv.dispose()
  })

  describe('400 invalid-body', () => {
    it('points at the line of a yaml syntax error when the body is not yaml', async () => {
      const answer = await api.post('/suites', 'suite: broken\ncases:\n  - name: "unterminated\n')
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('invalid-body')
      expect(answer.body.error.issues[0]).toMatchObject({
        code: 'syntax',
        line: expect.any(Number),
        severity: 'error',
      })
      expect(answer.body.error.issues[0].line).toBeGreaterThanOrEqual(3)
    })

    it('lists schema issues with path and line when the suite is invalid', async () => {
      const text = bucketSuite('bad').replace('expect: denied', 'expect: maybe')
      const answer = await api.post('/suites', text)
      expect(answer.status).toBe(400)
      const line = text.split('\n').findIndex((l) => l.includes('expect: maybe')) + 1
      expect(answer.body.error.issues).toEqual([
        expect.objectContaining({ path: 'cases[1].expect', line, column: expect.any(Number) }),
      ])
      expect(answer.body.error.issues[0].file).toBeUndefined()
    })

    it('reports a policy problem inside the suite with its line when a document is invalid', async () => {
      const text = bucketSuite('bad-policy').replace('Effect: Allow', 'Effect: Allw')
      const answer = await api.post('/suites', text)
      expect(answer.status).toBe(400)
      const line = text.split('\n').findIndex((l) => l.includes('Effect: Allw')) + 1
      expect(answer.body.error.issues[0]).toMatchObject({ code: 'invalid-effect', line })
    })

    it('reports malformed json with its line when a json body does not parse', async () => {
      const answer = await api.post('/suites', '{\n  "suite": "x",\n  oops\n}', 'application/json')
      expect(answer.status).toBe(400)
      expect(answer.body.error.issues[0]).toMatchObject({ code: 'syntax', line: 3 })
    })

    it('reports malformed json on a json route as 400, never 415 or 500', async () => {
      const answer = await api.post('/suites/base/runs', '{"engines": [', 'application/json')
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('invalid-body')
    })

    it('refuses unknown run options when the body has them', async () => {
      const answer = await api.post('/suites/base/runs', { engines: ['local', 'quantum'], colour: 'red' })
      expect(answer.status).toBe(400)
      expect(answer.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'colour',
        'engines',
      ])
    })

    it('refuses a put whose suite id is not the path id', async () => {
      const answer = await api.put('/suites/base', { version: 1, body: bucketSuite('other') })
      expect(answer.status).toBe(400)
      expect(answer.body.error.issues[0]).toMatchObject({ path: 'suite', line: 1 })
    })

    it('refuses bad paging parameters', async () => {
      expect((await api.get('/runs?limit=0')).status).toBe(400)
      expect((await api.get('/suites?limit=abc')).status).toBe(400)
      expect((await api.get('/suites?cursor=not-a-cursor')).status).toBe(400)
    })
  })

  describe('401 unauthorized', () => {
    it.each([
      ['no token', undefined],
      ['a malformed token', 'hello'],
      ['an unknown token', `isp_${'A'.repeat(43)}`],
    ])('refuses %s', async (_what, token) => {
      const answer = await call(srv.url, 'GET', '/suites', token ? { token } : {})
      expect(answer.status).toBe(401)
      expect(answer.body.error.code).toBe('unauthorized')
    })

    it('refuses a non-bearer authorization header', async () => {
      const answer = await call(srv.url, 'GET', '/suites', {
        headers: { authorization: `Basic ${srv.teamToken}` },
      })
      expect(answer.status).toBe(401)
    })

    it('refuses the admin token on team routes and team tokens on admin routes', async () => {
      expect((await client(srv.url, srv.adminToken).get('/suites')).status).toBe(401)
      expect((await api.post('/admin/teams', { name: 'x' })).status).toBe(401)
    })
  })

  describe('404 not-found', () => {
    it.each([
      '/suites/nope',
      '/suites/nope/versions',
      '/suites/NOT%20AN%20ID',
      '/runs/01ABC',
      '/runs/01ABC/results',
      '/nowhere',
    ])('answers 404 for %s', async (path) => {
      const answer = await api.get(path)
      expect(answer.status).toBe(404)
      expect(answer.body.error.code).toBe('not-found')
    })

    it('answers 404 when running, editing or deleting an unknown suite', async () => {
      expect((await api.post('/suites/nope/runs')).status).toBe(404)
      expect((await api.put('/suites/nope', { version: 1, body: bucketSuite('nope') })).status).toBe(404)
      expect((await api.del('/suites/nope')).status).toBe(404)
    })
  })

  describe('409 conflict', () => {
    it('refuses a stale version when editing', async () => {
      expect((await api.post('/suites', bucketSuite('stale'))).status).toBe(201)
      expect(
        (await api.put('/suites/stale', { version: 1, body: bucketSuite('stale', { resources: 2 }) })).status,
      ).toBe(200)
      const answer = await api.put('/suites/stale', {
        version: 1,
        body: bucketSuite('stale', { resources: 3 }),
      })
      expect(answer.status).toBe(409)
      expect(answer.body.error.code).toBe('conflict')
    })

    it('lets exactly one of concurrent edits of the same version win', async () => {
      expect((await api.post('/suites', bucketSuite('race'))).status).toBe(201)
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          api.put('/suites/race', { version: 1, body: bucketSuite('race', { resources: i + 1 }) }),
        ),
      )
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
      const winner = answers.find((a) => a.status === 200)!
      const now = await api.get('/suites/race')
      expect(now.body).toMatchObject({ version: 2, body: winner.body.body })
    })

    it('accepts a suite text with If-Match and refuses it when stale', async () => {
      expect((await api.post('/suites', bucketSuite('ifmatch'))).status).toBe(201)
      const ok = await api.put('/suites/ifmatch', bucketSuite('ifmatch', { resources: 2 }), 'text/yaml', {
        'if-match': '1',
      })
      expect(ok.status).toBe(200)
      expect(ok.body.version).toBe(2)
      const stale = await api.put('/suites/ifmatch', bucketSuite('ifmatch', { resources: 3 }), 'text/yaml', {
        'if-match': '"1"',
      })
      expect(stale.status).toBe(409)
    })

    it('refuses to create a suite whose id exists', async () => {
      const answer = await api.post('/suites', bucketSuite('base'))
      expect(answer.status).toBe(409)
    })
  })

  describe('413 too-large and 415 unsupported-media-type', () => {
    it('refuses a body over 1 MB', async () => {
      const padding = `# ${'x'.repeat(1024 * 1024)}\n`
      const answer = await api.post('/suites', `${bucketSuite('big')}${padding}`)
      expect(answer.status).toBe(413)
      expect(answer.body.error.code).toBe('too-large')
    })

    it('refuses a body far over the limit before reading it all', async () => {
      const answer = await api.post('/suites', 'x'.repeat(7 * 1024 * 1024))
      expect(answer.status).toBe(413)
    })

    it.each([
      ['/suites', 'text/plain'],
      ['/suites', 'application/xml'],
      ['/suites/base/runs', 'application/yaml'],
      ['/validate', 'text/yaml'],
    ])('refuses POST %s as %s', async (path, type) => {
      const answer = await api.post(path, bucketSuite('base'), type)
      expect(answer.status).toBe(415)
      expect(answer.body.error.code).toBe('unsupported-media-type')
    })
  })
})
