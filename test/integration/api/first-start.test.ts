import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { client, startTestServer } from './server-fixture.ts'

describe('first and later starts of the local server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iamspec-first-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('creates tokens and seeds examples once, and keeps data across a restart', async () => {
    const first = await startTestServer({ dataDir, seedExamples: true })
    expect(first.server.adminToken).toBe(first.adminToken)
    expect(first.server.teamToken).toBe(first.teamToken)
    expect(first.adminToken).toMatch(/^isp_[A-Za-z0-9_-]{43}$/)
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dataDir, 'team-token')).mode & 0o777).toBe(0o600)
    const seeded = await client(first.url, first.teamToken).get('/suites?limit=200')
    expect(seeded.status).toBe(200)
    expect(seeded.body.items.length).toBeGreaterThan(0)
    const ids = seeded.body.items.map((s: { id: string }) => s.id)
    // a seeded example runs to completion in the service (its file references were inlined)
    const api = client(first.url, first.teamToken)
    const run = await api.post(`/suites/${ids[0]}/runs`)
    expect(run.status).toBe(202)
    await first.stop()

    const second = await startTestServer({ dataDir, seedExamples: true })
    expect(second.server.adminToken).toBeUndefined()
    expect(second.server.teamToken).toBeUndefined()
    expect(second.adminToken).toBe(first.adminToken)
    const again = await client(second.url, second.teamToken).get('/suites?limit=200')
    expect(again.body.items.map((s: { id: string }) => s.id)).toEqual(ids)
    const runs = await client(second.url, second.teamToken).get('/runs')
    expect(runs.body.items).toHaveLength(1)
    expect(['completed', 'failed']).toContain(runs.body.items[0].status)
    await second.stop()
  })

  it('refuses a second server on a data directory in use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamspec-lock-'))
    const one = await startTestServer({ dataDir: dir })
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/in use/)
    await one.dispose()
  })
})
