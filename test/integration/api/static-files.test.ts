import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './server-fixture.ts'

/** A raw GET, so that `..` segments reach the server unnormalized */
const rawGet = (base: string, path: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => {
        body += c.toString()
      })
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      )
    })
    req.on('error', reject)
    req.end()
  })

describe('the dashboard on the local server', () => {
  const web = mkdtempSync(join(tmpdir(), 'iamspec-web-'))
  let srv: TestServer
  let bare: TestServer

  beforeAll(async () => {
    mkdirSync(join(web, 'dist', 'assets'), { recursive: true })
    writeFileSync(join(web, 'dist', 'index.html'), '<!doctype html><title>dash</title>')
    writeFileSync(join(web, 'dist', 'assets', 'app-1234.js'), 'console.log(1)')
    writeFileSync(join(web, 'dist', 'assets', 'style.css'), 'body{}')
    writeFileSync(join(web, 'secret.txt'), 'do not serve')
    srv = await startTestServer({ webDir: join(web, 'dist') })
    bare = await startTestServer({ webDir: join(web, 'missing') })
  })
  afterAll(async () => {
    await srv.dispose()
    await bare.dispose()
    rmSync(web, { recursive: true, force: true })
  })

  it.each([
    ['/', 200, 'text/html', 'dash'],
    ['/assets/app-1234.js', 200, 'text/javascript', 'console.log'],
    ['/assets/style.css', 200, 'text/css', 'body'],
    ['/runs/01ABC', 200, 'text/html', 'dash'],
    ['/suites/x/edit', 200, 'text/html', 'dash'],
    ['/assets/missing.js', 404, 'text/plain', 'not found'],
  ])('serves %s with %i %s', async (path, status, type, text) => {
    const answer = await rawGet(srv.url, path)
    expect(answer.status).toBe(status)
    expect(answer.type).toContain(type)
    expect(answer.body).toContain(text)
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
  ])('never serves files outside the build when asked for %s', async (path) => {
    const answer = await rawGet(srv.url, path)
    expect(answer.body).not.toContain('do not serve')
  })

  it('says the dashboard is not built when there is no build', async () => {
    const answer = await rawGet(bare.url, '/')
    expect(answer.status).toBe(200)
    expect(answer.type).toContain('text/html')
    expect(answer.body).toContain('dashboard is not built')
  })

  it('keeps /api for the api even when a dashboard route looks alike', async () => {
    const answer = await rawGet(srv.url, '/api/health')
    expect(answer.type).toContain('application/json')
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true })
  })
})
