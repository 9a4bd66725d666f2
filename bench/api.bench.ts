/**
 * `npm run bench:api`: load on the local server's HTTP API with autocannon. The server runs in a child
 * process (`node --import tsx functions/local/main.ts`, dynalite on disk in a temp directory) so the load
 * generator does not share its event loop. Scenarios (each BENCH_SECONDS, default 5, at 1, 16 and 64
 * connections): GET a run summary, GET a results page (100 results), GET a suite (a read the response
 * cache does not serve, for comparison), POST /validate with a 100-check suite. Also: the time to store a 10,000-check run (POST to `completed`), median of BENCH_RUNS (3).
 * Target: p99 < 50 ms for the reads at 16 connections.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

type AutocannonResult = {
  requests: { average: number }
  latency: { p50: number; p99: number; average: number }
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  method?: string
  headers?: Record<string, string>
  body?: string
}) => Promise<AutocannonResult>

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CONNECTIONS = [1, 16, 64]

const suite = (id: string, actions: number, resources: number): string => `suite: ${id}
principals:
  reader:
    arn: arn:aws:iam::111122223333:role/Reader
    policies:
      - name: read
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: ["s3:Get*", "s3:List*"]
              Resource: ["arn:aws:s3:::bench", "arn:aws:s3:::bench/*"]
            - Effect: Deny
              Action: s3:GetObject
              Resource: arn:aws:s3:::bench/secret/*
              Condition: { Bool: { aws:SecureTransport: "false" } }
cases:
  - name: reader reads
    principal: reader
    actions: [${Array.from({ length: actions }, (_, i) => `"s3:GetObject${i === 0 ? '' : `Version${i}`}"`).join(', ')}]
    resources: [${Array.from({ length: resources }, (_, i) => `"arn:aws:s3:::bench/k${i}"`).join(', ')}]
    expect: allowed
`

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const startServer = async (dataDir: string): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'functions/local/main.ts', '--port', '0', '--data-dir', dataDir, '--no-examples'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return { child, url }
}

const main = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iamspec-bench-'))
  const { child, url } = await startServer(dataDir)
  const token = readFileSync(join(dataDir, 'team-token'), 'utf8').trim()
  const headers = { authorization: `Bearer ${token}` }
  const api = async (method: string, path: string, body?: string, type = 'application/yaml') => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: body ? { ...headers, 'content-type': type } : headers,
      body,
    })
    const json = (await res.json()) as Record<string, unknown>
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  const runToCompletion = async (suiteId: string): Promise<{ id: string; ms: number }> => {
    const start = performance.now()
    const run = (await api('POST', `/suites/${suiteId}/runs`)) as { id: string }
    for (;;) {
      const now = (await api('GET', `/runs/${run.id}`)) as { status: string }
      if (now.status === 'completed') return { id: run.id, ms: performance.now() - start }
      if (now.status === 'failed') throw new Error(`run ${run.id} failed`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  try {
    const small = suite('bench-100', 4, 25)
    await api('POST', '/suites', small)
    const { id: runId } = await runToCompletion('bench-100')
    await api('POST', '/suites', suite('bench-10k', 50, 200))
    const storeTimes: number[] = []
    for (let i = 0; i < RUNS; i++) storeTimes.push((await runToCompletion('bench-10k')).ms)

    const scenarios = [
      { name: 'GET /runs/{id}', method: 'GET', path: `/runs/${runId}` },
      { name: 'GET /runs/{id}/results?limit=100', method: 'GET', path: `/runs/${runId}/results?limit=100` },
      { name: 'GET /suites/{id} (not cached: a store read)', method: 'GET', path: '/suites/bench-100' },
      {
        name: 'POST /validate (100 checks)',
        method: 'POST',
        path: '/validate',
        body: JSON.stringify({ body: small }),
      },
    ]
    console.log(`iamspec API on ${url} (dynalite on disk), ${SECONDS} s per scenario\n`)
    console.log('| scenario | connections | req/s | p50 ms | p99 ms | non-2xx+errors |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
    for (const s of scenarios) {
      for (const connections of CONNECTIONS) {
        const r = await autocannon({
          url: `${url}/api${s.path}`,
          method: s.method,
          connections,
          duration: SECONDS,
          headers: s.body ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(s.body ? { body: s.body } : {}),
        })
        const bad = r.non2xx + r.errors + r.timeouts
        console.log(
          `| ${s.name} | ${connections} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${bad} |`,
        )
      }
    }
    console.log(
      `\nstore a 10,000-check run (POST /suites/{id}/runs to completed, 20 slices): median ${(median(storeTimes) / 1000).toFixed(2)} s of ${storeTimes.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
    )
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
