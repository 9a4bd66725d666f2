/**
 * `npm run bench:cli`: the wall time of the real, built CLI (`node cli/bin/iamspec.js run …`, start-up
 * included) on a generated suite of 10,000 checks over 20 principals; prints the median of several
 * runs. Target: under 1.5 s.
 * @module
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const PRINCIPALS = 20
const CASES_PER_PRINCIPAL = 25
const ACTIONS_PER_CASE = 4
const RESOURCES_PER_CASE = 5
const ACCOUNT = '111122223333'

const pad = (n: number): string => String(n).padStart(2, '0')

/** The kinds of case each principal gets, each with one expectation for its whole matrix */
const CASE_KINDS = [
  {
    name: 'reads its bucket',
    actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:GetObjectAcl'],
    bucket: 'own',
    expect: 'allowed',
  },
  {
    name: 'writes its bucket',
    actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectAcl', 's3:AbortMultipartUpload'],
    bucket: 'own',
    expect: 'allowed',
  },
  {
    name: 'cannot delete without MFA',
    actions: [
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:DeleteObjectTagging',
      's3:DeleteObjectVersionTagging',
    ],
    bucket: 'own',
    expect: 'explicitDeny',
  },
  {
    name: "cannot read another team's bucket",
    actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:GetObjectAcl'],
    bucket: 'other',
    expect: 'implicitDeny',
  },
  {
    name: 'the boundary keeps it out of IAM',
    actions: ['iam:CreateUser', 'iam:AttachUserPolicy', 'iam:CreateAccessKey', 'iam:DeleteUser'],
    bucket: 'iam',
    expect: 'implicitDeny',
  },
] as const

const principalYaml = (i: number): string => `  team-${pad(i)}:
    arn: arn:aws:iam::${ACCOUNT}:role/team-${pad(i)}
    tags: { team: team-${pad(i)} }
    policies:
      - name: team-${pad(i)}-data
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: OwnBucket
              Effect: Allow
              Action: "s3:*"
              Resource: ["arn:aws:s3:::data-${pad(i)}", "arn:aws:s3:::data-${pad(i)}/*"]
            - Sid: FromTheOffice
              Effect: Deny
              Action: "s3:*"
              Resource: "*"
              Condition:
                NotIpAddress: { aws:SourceIp: ["203.0.113.0/24", "198.51.100.0/24"] }
            - Sid: NoDeleteWithoutMfa
              Effect: Deny
              Action: "s3:Delete*"
              Resource: "*"
              Condition:
                BoolIfExists: { aws:MultiFactorAuthPresent: "false" }
            - Sid: IamSelfService
              Effect: Allow
              Action: ["iam:*"]
              Resource: "arn:aws:iam::${ACCOUNT}:user/\${aws:PrincipalTag/team}-*"
    permissionsBoundary:
      name: workload-boundary
      document:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: ["s3:*", "dynamodb:*", "logs:*"]
            Resource: "*"
`

const resourcesFor = (i: number, bucket: 'own' | 'other' | 'iam', variant: number): string[] =>
  Array.from({ length: RESOURCES_PER_CASE }, (_, r) => {
    if (bucket === 'iam') return `arn:aws:iam::${ACCOUNT}:user/team-${pad(i)}-bot${variant}${r}`
    const b = bucket === 'own' ? i : (i + 1) % PRINCIPALS
    return `arn:aws:s3:::data-${pad(b)}/v${variant}/part-${r}.parquet`
  })

const casesYaml = (i: number): string =>
  Array.from({ length: CASES_PER_PRINCIPAL }, (_, c) => {
    const kind = CASE_KINDS[c % CASE_KINDS.length]!
    const variant = Math.floor(c / CASE_KINDS.length)
    return `  - name: team-${pad(i)} ${kind.name} (${variant})
    principal: team-${pad(i)}
    actions: [${kind.actions.slice(0, ACTIONS_PER_CASE).join(', ')}]
    resources: [${resourcesFor(i, kind.bucket, variant).join(', ')}]
    expect: ${kind.expect}
`
  }).join('')

/** The generated suite's text */
export const benchSuite = (): string => `suite: cli-bench
description: ${PRINCIPALS * CASES_PER_PRINCIPAL * ACTIONS_PER_CASE * RESOURCES_PER_CASE} checks over ${PRINCIPALS} principals
context:
  aws:SourceIp: 203.0.113.10
  aws:CurrentTime: "2026-03-01T12:00:00Z"
principals:
${Array.from({ length: PRINCIPALS }, (_, i) => principalYaml(i)).join('')}
cases:
${Array.from({ length: PRINCIPALS }, (_, i) => casesYaml(i)).join('')}`

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const main = (): void => {
  const root = resolve(import.meta.dirname, '..')
  const bin = join(root, 'cli', 'bin', 'iamspec.js')
  const dir = mkdtempSync(join(tmpdir(), 'iamspec-bench-'))
  try {
    writeFileSync(join(dir, 'bench.iamspec.yaml'), benchSuite())
    const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' }
    const run = (args: string[]) => {
      const start = process.hrtime.bigint()
      const result = spawnSync(process.execPath, [bin, 'run', dir, ...args], {
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (result.status !== 0) {
        throw new Error(`iamspec exited ${result.status ?? result.signal}:\n${result.stderr}`)
      }
      return { ms, stdout: result.stdout }
    }
    const report = JSON.parse(run(['--format', 'json']).stdout) as {
      summary: { total: number; passed: number }
    }
    console.log(
      `suite: ${report.summary.total} checks over ${PRINCIPALS} principals, ${report.summary.passed} passed`,
    )
    run([]) // warm the file system cache
    for (const [label, args] of [
      ['pretty', []],
      ['json', ['--format', 'json']],
    ] as const) {
      const times = Array.from({ length: RUNS }, () => run([...args]).ms)
      const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`
      console.log(
        `iamspec run (${label}): median ${fmt(median(times))} over ${RUNS} runs (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))})`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === import.meta.filename) main()
