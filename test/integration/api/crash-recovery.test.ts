import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { client, waitForRun } from './server-fixture.ts'
import { bucketSuite, matrixSuite } from './suite-texts.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Spawns `node --import tsx functions/local/main.ts` and waits for its URL */
const spawnServer = async (
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'functions/local/main.ts', '--port', '0', '--data-dir', dataDir, '--no-examples'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    },
  )
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const check = (): void => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return { child, url, output: () => output }
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

describe('a server killed in the middle of a run', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iamspec-crash-'))
  const children: ChildProcess[] = []

  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('leaves the run failed or completed and every suite intact after a restart', async () => {
    const first = await spawnServer(dataDir)
    children.push(first.child)
    const api = client(first.url, readFileSync(join(dataDir, 'team-token'), 'utf8').trim())

    const suites = new Map<string, string>()
    for (const id of ['keep-one', 'keep-two']) {
      const text = bucketSuite(id)
      expect((await api.post('/suites', text)).status).toBe(201)
      suites.set(id, text)
    }
    const edited = bucketSuite('keep-two', { deletes: 'allowed' })
    expect((await api.put('/suites/keep-two', { version: 1, body: edited })).status).toBe(200)
    suites.set('keep-two', edited)
    const big = matrixSuite('big', 100, 200) // 20,000 checks
    expect((await api.post('/suites', big)).status).toBe(201)
    suites.set('big', big)

    const run = await api.post('/suites/big/runs')
    expect(run.status).toBe(202)
    let status = run.body.status
    for (let i = 0; i < 400 && status === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      status = (await api.get(`/runs/${run.body.id}`)).body.status
    }
    first.child.kill('SIGKILL')
    await exited(first.child)
    expect(['queued', 'running', 'completed']).toContain(status)

    const second = await spawnServer(dataDir)
    children.push(second.child)
    const again = client(second.url, readFileSync(join(dataDir, 'team-token'), 'utf8').trim())
    const after = await waitForRun(again, run.body.id, 10_000)
    expect(['failed', 'completed']).toContain(after.body.status)
    if (status !== 'completed') {
      expect(after.body).toMatchObject({
        status: 'failed',
        error: 'the server stopped before the run finished',
      })
    }
    // whatever slices were recorded before the kill can still be read
    expect((await again.get(`/runs/${run.body.id}/results?limit=10`)).status).toBe(200)
    for (const [id, text] of suites) {
      const suite = await again.get(`/suites/${id}`)
      expect(suite.status).toBe(200)
      expect(suite.body.body).toBe(text)
    }
    expect((await again.get('/suites/keep-two')).body.version).toBe(2)
    expect((await again.get('/suites/keep-two/versions')).body.items).toHaveLength(2)

    // the restarted server still runs suites, and stops cleanly on SIGTERM
    const rerun = await waitForRun(again, (await again.post('/suites/keep-one/runs')).body.id)
    expect(rerun.body.status).toBe('completed')
    second.child.kill('SIGTERM')
    expect(await exited(second.child)).toBe(0)
  }, 120_000)
})
