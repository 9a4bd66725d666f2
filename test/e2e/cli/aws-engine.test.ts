/**
 * `iamspec run --engine aws|both`, `iamspec snapshot` and `iamspec serve` end to end: the built CLI
 * against the local IAM endpoint (test/support/iam-endpoint) with fake static credentials.
 * @module
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResult, RunReport } from '../../../core/suite/index.ts'
import { type IamEndpoint, startIamEndpoint } from '../../support/iam-endpoint/index.ts'
import { BIN, type CliRun, ensureBuilt, ROOT, tempFiles } from './support/cli.ts'
import { findAll, parseXml } from './support/xml.ts'

const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-local-endpoint',
  AWS_EC2_METADATA_DISABLED: 'true',
}

const NO_CREDENTIALS = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  AWS_CONFIG_FILE: '/nonexistent',
}

const SUITE = `suite: aws-mini
principals:
  dev:
    arn: arn:aws:iam::111122223333:user/dev
    policies:
      - name: dev-base
        document:
          Version: "2012-10-17"
          Statement:
            - { Sid: Read, Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::data/*" }
            - { Sid: Assume, Effect: Allow, Action: sts:AssumeRole, Resource: "arn:aws:iam::111122223333:role/Reader" }
  reader:
    arn: arn:aws:iam::111122223333:role/Reader
    trustPolicy:
      name: reader-trust
      document:
        Version: "2012-10-17"
        Statement:
          - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:user/dev" }, Action: sts:AssumeRole }
    policies:
      - name: reader-list
        document:
          Version: "2012-10-17"
          Statement:
            - { Sid: List, Effect: Allow, Action: s3:ListBucket, Resource: "arn:aws:s3:::data" }
cases:
  - { name: dev reads, principal: dev, action: s3:GetObject, resource: "arn:aws:s3:::data/k", expect: allowed }
  - { name: dev writes, principal: dev, action: s3:PutObject, resource: "arn:aws:s3:::data/k", expect: denied }
  - name: dev lists through reader
    principal: dev
    via: [{ role: reader }]
    action: s3:ListBucket
    resource: arn:aws:s3:::data
    expect: allowed
`

/** Runs the built CLI without blocking this process (the endpoint answers in it) */
const iamspecAsync = (args: readonly string[], env: Record<string, string>, cwd = ROOT): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

const byCase = (report: RunReport, name: string): CheckResult => {
  const found = report.results.find((r) => r.case === name)
  if (!found) throw new Error(`no result for \`${name}\``)
  return found
}

let endpoint: IamEndpoint
let files: { dir: string; remove: () => void }
let suite: string

beforeAll(async () => {
  ensureBuilt()
  endpoint = await startIamEndpoint({
    account: JSON.parse(readFileSync(join(ROOT, 'examples/snapshots/acme-dev.json'), 'utf8')),
    // the simulator disagrees with the local evaluator on one check
    rules: [{ action: 's3:PutObject', decision: 'allowed' }],
  })
  files = tempFiles({ 'aws-mini.iamspec.yaml': SUITE })
  suite = join(files.dir, 'aws-mini.iamspec.yaml')
}, 120_000)

afterAll(async () => {
  await endpoint?.close()
  files?.remove()
})

describe('iamspec run --engine both', () => {
  it('reports the check the engines disagree on as divergent and exits 0', async () => {
    const run = await iamspecAsync(
      ['run', suite, '--engine', 'both', '--format', 'json', '--aws-endpoint', endpoint.url],
      CREDENTIALS,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as RunReport
    expect(report.summary).toMatchObject({ total: 3, passed: 3, failed: 0, errors: 0, divergent: 1 })
    const writes = byCase(report, 'dev writes')
    expect(writes).toMatchObject({
      status: 'passed',
      divergent: true,
      local: { decision: 'implicitDeny', missingContextKeys: [] },
      aws: { decision: 'allowed' },
    })
    const reads = byCase(report, 'dev reads')
    expect(reads).toMatchObject({
      divergent: false,
      local: { decision: 'allowed' },
      aws: { decision: 'allowed' },
    })
    expect(
      reads.aws && 'matchedStatements' in reads.aws ? reads.aws.matchedStatements[0]?.sid : undefined,
    ).toBe('Read')
  })

  it('exits 1 on a divergence with --fail-on-divergence and shows both sides', async () => {
    const run = await iamspecAsync(
      ['run', suite, '--engine', 'both', '--fail-on-divergence', '--aws-endpoint', endpoint.url],
      { ...CREDENTIALS, NO_COLOR: '1' },
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('DIVERGENT aws-mini › dev writes: s3:PutObject arn:aws:s3:::data/k')
    expect(run.stdout).toMatch(/local +implicitDeny; statements: none; missing context keys: none/)
    expect(run.stdout).toMatch(/aws +allowed/)
    expect(run.stdout).toMatch(
      /aws skipped 1 check the simulator cannot model \(not failures\): 1 × .*role chain/,
    )
  })

  it('shows a via chain as skipped by aws, never divergent', async () => {
    const run = await iamspecAsync(
      ['run', suite, '--engine', 'both', '--format', 'json', '--aws-endpoint', endpoint.url],
      CREDENTIALS,
    )
    const chain = byCase(JSON.parse(run.stdout) as RunReport, 'dev lists through reader')
    expect(chain.status).toBe('passed')
    expect(chain.divergent).toBe(false)
    expect(chain.aws).toEqual({ skipped: expect.stringContaining('role chain') })
  })

  it('keeps JUnit valid with both decisions of a divergent check', async () => {
    const run = await iamspecAsync(
      ['run', suite, '--engine', 'both', '--format', 'junit', '--aws-endpoint', endpoint.url],
      CREDENTIALS,
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('engines diverge: local implicitDeny, aws allowed')
    expect(run.stdout).toContain('aws skipped (not a failure)')
    const cases = findAll(parseXml(run.stdout), 'testcase')
    const writes = cases.find((c) => c.attributes.name?.startsWith('dev writes'))
    expect(findAll(writes!, 'system-out')[0]?.text).toMatch(/local +implicitDeny[^\n]*\naws +allowed/)
  })
})

describe('iamspec run --engine aws', () => {
  it('judges by the simulator', async () => {
    const run = await iamspecAsync(
      [
        'run',
        suite,
        '--engine',
        'aws',
        '--format',
        'json',
        '--filter',
        'dev writes',
        '--aws-endpoint',
        endpoint.url,
      ],
      CREDENTIALS,
    )
    expect(run.code).toBe(1)
    const writes = byCase(JSON.parse(run.stdout) as RunReport, 'dev writes')
    expect(writes.local).toBeUndefined()
    expect(writes).toMatchObject({ status: 'failed', divergent: false, aws: { decision: 'allowed' } })
  })

  it('exits 2 with a clear message when no credentials can be found', async () => {
    const run = await iamspecAsync(
      ['run', suite, '--engine', 'aws', '--aws-endpoint', endpoint.url],
      NO_CREDENTIALS,
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot resolve aws credentials (CredentialsProviderError:')
    expect(run.stdout).toBe('')
  })
})

describe('iamspec snapshot', () => {
  it('writes a snapshot that loads back with run --snapshot', async () => {
    const out = join(files.dir, 'account.json')
    const written = await iamspecAsync(
      ['snapshot', '--out', out, '--aws-endpoint', endpoint.url],
      CREDENTIALS,
    )
    expect(written.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('UserDetailList')
    const run = await iamspecAsync(
      ['run', 'examples/snapshot/acme-dev.suite.yaml', '--snapshot', out, '--format', 'json'],
      {},
    )
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as RunReport).summary.failed).toBe(0)
  })

  it('reads principals from the live account when no snapshot is given', async () => {
    const run = await iamspecAsync(
      [
        'run',
        'examples/snapshot/acme-dev.suite.yaml',
        '--engine',
        'both',
        '--format',
        'json',
        '--aws-endpoint',
        endpoint.url,
      ],
      CREDENTIALS,
    )
    expect(run.stderr).toBe('')
    const report = JSON.parse(run.stdout) as RunReport
    expect(report.summary.failed + report.summary.errors).toBe(0)
  })

  it('exits 2 with the AWS code and message when credentials are missing', async () => {
    const run = await iamspecAsync(['snapshot', '--aws-endpoint', endpoint.url], NO_CREDENTIALS)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('CredentialsProviderError: ')
  })
})

describe('iamspec serve', () => {
  it('starts on a free port and answers /api/health', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iamspec-serve-'))
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--data-dir', dataDir, '--no-examples'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...NO_CREDENTIALS },
      },
    )
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        const timer = setTimeout(() => reject(new Error(`no URL in time:\n${out}`)), 15_000)
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8')
          const match = /running at (http:\/\/\S+)/.exec(out)
          if (match?.[1]) {
            clearTimeout(timer)
            resolve(match[1])
          }
        })
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)))
      })
      const health = await fetch(`${url}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ ok: true })
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 20_000)
})
