/**
 * `npm run bench:web`: first render of the dashboard's run view with a 10,000-check run, in real
 * Chromium against the local server. Each sample is a fresh browser context (cold cache) opening
 * `#/runs/<id>`; it measures, from navigation start, the first check rows on screen and the moment all
 * 10,000 checks are loaded (every result page) and the table says so. Prints the median of several runs.
 * @module
 */
import { chromiumAvailable, launchChromium } from '../test/e2e/web/support/browser.ts'
import { startStack } from '../test/e2e/web/support/stack.ts'
import { ensureWebBuild } from '../test/e2e/web/support/web-build.ts'

const SAMPLES = Number(process.env.BENCH_RUNS ?? 7)
const ACTIONS = [
  's3:PutObject',
  's3:DeleteObject',
  's3:PutObjectAcl',
  's3:PutObjectTagging',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersion',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
  's3:RestoreObject',
  's3:PutObjectVersionAcl',
  's3:PutObjectVersionTagging',
  's3:DeleteObjectVersionTagging',
  's3:AbortMultipartUpload',
  's3:BypassGovernanceRetention',
  's3:ReplicateObject',
  's3:ReplicateDelete',
  's3:ReplicateTags',
  's3:ObjectOwnerOverrideToBucketOwner',
  's3:PutBucketPolicy',
]
const RESOURCES = Array.from(
  { length: 500 },
  (_, i) => `arn:aws:s3:::bench-data/${i % 25 === 0 ? 'secret' : `team-${i % 7}`}/report-${i}.csv`,
)

/** 500 reads expected allowed (those under secret/ fail) and 19 × 500 writes expected denied */
const SUITE = `suite: bench-10k
description: 10,000 checks for the dashboard benchmark
tags: [bench]
principals:
  reader:
    arn: arn:aws:iam::111122223333:role/BenchReader
    policies:
      - name: read-data
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: ReadData
              Effect: Allow
              Action: [s3:GetObject, s3:ListBucket]
              Resource: ["arn:aws:s3:::bench-data", "arn:aws:s3:::bench-data/*"]
            - Sid: DenySecrets
              Effect: Deny
              Action: "s3:*"
              Resource: "arn:aws:s3:::bench-data/secret/*"
cases:
  - name: reader reads every report
    principal: reader
    action: s3:GetObject
    resources: [${RESOURCES.join(', ')}]
    expect: allowed
  - name: reader never writes a report
    principal: reader
    actions: [${ACTIONS.join(', ')}]
    resources: [${RESOURCES.join(', ')}]
    expect: denied
`

/** Records, from navigation start, when the first check row and the complete table appear */
const WATCH = `
(function watch() {
  if (window.__firstRow === undefined && document.querySelector('.vrows .rt-row')) window.__firstRow = performance.now()
  if ((document.querySelector('.rt-foot') || {}).textContent?.includes('10,000 of 10,000')) {
    window.__complete = performance.now()
    return
  }
  requestAnimationFrame(watch)
})()`

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const api = async <T>(url: string, token: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  })
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

if (!chromiumAvailable()) {
  console.error('bench:web needs /usr/bin/chromium (apt-get install -y chromium)')
  process.exit(1)
}

await ensureWebBuild()
const stack = await startStack({ seedExamples: false })
try {
  const { url, token } = stack
  await api(`${url}/api/suites`, token, {
    method: 'POST',
    body: SUITE,
    headers: { 'content-type': 'application/yaml' },
  })
  const startedRun = Date.now()
  const run = await api<{ id: string }>(`${url}/api/suites/bench-10k/runs`, token, {
    method: 'POST',
    body: JSON.stringify({ engines: ['local'] }),
    headers: { 'content-type': 'application/json' },
  })
  let detail: { status: string; summary?: { total: number; failed: number } }
  do {
    await new Promise((resolve) => setTimeout(resolve, 250))
    detail = await api(`${url}/api/runs/${run.id}`, token)
  } while (detail.status === 'queued' || detail.status === 'running')
  if (detail.status !== 'completed' || detail.summary?.total !== 10_000) {
    throw new Error(`the seeded run did not complete with 10,000 checks: ${JSON.stringify(detail)}`)
  }
  console.log(
    `seeded run ${run.id}: ${detail.summary.total} checks (${detail.summary.failed} failed) in ${Date.now() - startedRun} ms`,
  )

  const browser = await launchChromium()
  const firstRows: number[] = []
  const complete: number[] = []
  for (let sample = 0; sample < SAMPLES; sample++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // a string, not a function: tsx would wrap a function's inner functions in its own helpers
    await context.addInitScript(`sessionStorage.setItem('iamspec.token', ${JSON.stringify(token)});${WATCH}`)
    const page = await context.newPage()
    await page.goto(`${url}/#/runs/${run.id}`)
    await page.waitForFunction('window.__complete !== undefined', null, { timeout: 30_000 })
    const marks = (await page.evaluate(
      '({ __firstRow: window.__firstRow, __complete: window.__complete })',
    )) as {
      __firstRow: number
      __complete: number
    }
    const rows = await page.locator('.vrows .rt-row').count()
    firstRows.push(marks.__firstRow)
    complete.push(marks.__complete)
    console.log(
      `sample ${sample + 1}: first rows ${marks.__firstRow.toFixed(0)} ms, all 10,000 loaded and shown ${marks.__complete.toFixed(0)} ms (${rows} rows in the DOM)`,
    )
    await context.close()
  }
  await browser.close()
  console.log(
    `run view, 10,000 checks, median of ${SAMPLES}: first rows ${median(firstRows).toFixed(0)} ms, all loaded ${median(complete).toFixed(0)} ms`,
  )
} finally {
  await stack.close()
}
