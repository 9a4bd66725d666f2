import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, startTestServer, type TestServer } from './server-fixture.ts'

describe('admin routes', () => {
  let srv: TestServer
  let admin: ReturnType<typeof client>

  beforeAll(async () => {
    srv = await startTestServer()
    admin = client(srv.url, srv.adminToken)
  })
  afterAll(async () => {
    await srv.dispose()
  })

  it('creates a team and a token that works for that team only once shown', async () => {
    const team = await admin.post('/admin/teams', { name: 'platform' })
    expect(team.status).toBe(201)
    expect(team.body).toEqual({ id: expect.any(String), name: 'platform', createdAt: expect.any(String) })
    const token = await admin.post(`/admin/teams/${team.body.id}/tokens`, { name: 'ci' })
    expect(token.status).toBe(201)
    expect(token.body).toEqual({
      token: expect.stringMatching(/^isp_[A-Za-z0-9_-]{43}$/),
      name: 'ci',
      teamId: team.body.id,
    })
    const mine = client(srv.url, token.body.token)
    expect((await mine.get('/suites')).status).toBe(200)
  })

  it('answers 404 for tokens of an unknown team', async () => {
    expect((await admin.post('/admin/teams/01UNKNOWNTEAM000000000000/tokens', { name: 'x' })).status).toBe(
      404,
    )
  })

  it.each([{}, { name: '' }, { name: 'x'.repeat(101) }, { name: 'ok', extra: 1 }, ['name']])(
    'refuses the team body %j',
    async (body) => {
      const answer = await admin.post('/admin/teams', body)
      expect(answer.status).toBe(400)
      expect(answer.body.error.issues[0].path).toBe('name')
    },
  )

  it('refuses a wrong admin token', async () => {
    expect((await client(srv.url, `isp_${'B'.repeat(43)}`).post('/admin/teams', { name: 'x' })).status).toBe(
      401,
    )
  })
})
