import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunReport } from '../../../core/suite/index.ts'
import { EXAMPLE_SUITES, ensureBuilt, FIXTURES, iamspec, tempFiles } from './support/cli.ts'

const FAILING = join(FIXTURES, 'failing')

beforeAll(ensureBuilt, 120_000)

describe('iamspec run', () => {
  it('passes every example suite when run on examples/', () => {
    const run = iamspec(['run', 'examples/'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(`^PASSED \\d+ passed \\(\\d+ checks in ${EXAMPLE_SUITES} suites, `, 'm'),
    )
    expect(run.stdout).not.toMatch(/FAIL|ERROR/)
  })

  it('finds suite files in the working directory when given no path', () => {
    const run = iamspec(['run'], { cwd: join(process.cwd(), 'examples') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`in ${EXAMPLE_SUITES} suites`)
  })

  it('prints exactly the run report when --format is json', () => {
    const run = iamspec(['run', FAILING, '--format', 'json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as RunReport
    expect(report.summary).toEqual({ total: 4, passed: 1, failed: 2, errors: 1, divergent: 0, skipped: 2 })
    expect(Object.keys(report)).toEqual(['summary', 'results'])
    const reads = report.results.find((r) => r.case === 'dev reads objects')!
    expect(reads).toMatchObject({
      suite: 'failing-suite',
      principal: 'arn:aws:iam::111122223333:user/dev',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::data/report.csv',
      expected: 'allowed',
      status: 'passed',
      divergent: false,
      local: {
        decision: 'allowed',
        missingContextKeys: [],
        matchedStatements: [
          { policy: 'dev-base', sid: 'Work', index: 0, effect: 'Allow', policyType: 'identity' },
        ],
      },
    })
    expect(reads.aws).toBeUndefined()
    const error = report.results.find((r) => r.status === 'error')!
    expect(error.message).toContain('federated-user/temp')
  })

  it('exits 1 and names expected, actual and the deciding statement when a check fails', () => {
    const run = iamspec(['run', FAILING])
    expect(run.code).toBe(1)
    const line = run.stdout.split('\n').find((l) => l.includes('dev writes'))!
    expect(line).toContain('FAIL failing-suite › dev writes: s3:PutObject arn:aws:s3:::data/report.csv')
    expect(line).toContain('expected implicitDeny, got allowed')
    expect(line).toContain('allowed by statement `Work` in `dev-base` (identity)')
    expect(line).toContain('at test/e2e/cli/fixtures/failing/failing.iamspec.yaml:13:15')
    expect(run.stdout).toContain('aws:MultiFactorAuthPresent is missing')
    expect(run.stdout).toMatch(/^ERROR failing-suite › an unknown federated user/m)
    expect(run.stdout).toMatch(/^FAILED 2 failed, 1 passed, 1 error, 2 skipped \(4 checks in 1 suite, /m)
  })

  it('writes no colours when stdout is not a terminal, and colours with FORCE_COLOR', () => {
    expect(iamspec(['run', FAILING]).stdout).not.toContain('\u001b[')
    expect(iamspec(['run', FAILING], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31mFAIL')
    expect(iamspec(['run', FAILING], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[')
  })

  it.each([
    [['--filter', 'writes'], ['dev writes']],
    [['--filter', 'DEV READS'], ['dev reads objects']],
    [
      ['--filter', 'failing-suite/dev *'],
      ['dev reads objects', 'dev deletes <without> "MFA" & \'fails\'', 'dev writes'],
    ],
    [
      ['--filter', 'dev r*', '--filter', '*writes'],
      ['dev reads objects', 'dev writes'],
    ],
    [['--tag', 'reads'], ['dev reads objects']],
    [['--tag', 'fixture', '--filter', 'writes'], ['dev writes']],
  ])('selects the matching cases when given %j', (args, cases) => {
    const run = iamspec(['run', FAILING, '--format', 'json', ...args])
    const report = JSON.parse(run.stdout) as RunReport
    expect(report.results.map((r) => r.case)).toEqual(cases)
  })

  it('exits 2 when --filter or --tag selects no case', () => {
    const run = iamspec(['run', FAILING, '--tag', 'nothing'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no case matches `--tag nothing`')
  })

  it.each(['aws', 'both'])('exits 2 with a clear error when --engine is %s without credentials', (engine) => {
    const run = iamspec(['run', 'examples/', '--engine', engine], {
      env: { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent' },
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('cannot resolve aws credentials')
  })

  it('writes the report to the file and the pretty report to stdout when --out is given', () => {
    const tmp = tempFiles({})
    try {
      const out = join(tmp.dir, 'reports', 'report.json')
      const run = iamspec(['run', FAILING, '--format', 'json', '--out', out])
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/^FAILED /m)
      const report = JSON.parse(readFileSync(out, 'utf8')) as RunReport
      expect(report.summary.total).toBe(4)
    } finally {
      tmp.remove()
    }
  })

  it('lists covered and uncovered statements when --coverage is given', () => {
    const run = iamspec(['run', FAILING, '--coverage'])
    expect(run.stdout).toContain('Statement coverage: 2 of 2 statements exercised (100.0%)')
    expect(run.stdout).toContain('failing-suite principals.dev.policies[0] `dev-base` (identity)')
    expect(run.stdout).toMatch(
      /✓ test\/e2e\/cli\/fixtures\/failing\/failing\.iamspec\.yaml:13:15 #0 Work \(Allow\): 2 checks/,
    )
    const partial = iamspec(['run', FAILING, '--coverage', '--filter', 'reads'])
    expect(partial.stdout).toContain('Statement coverage: 1 of 2 statements exercised (50.0%)')
    expect(partial.stdout).toMatch(
      /Uncovered statements \(1\):\n {2}test\/e2e\/cli\/fixtures\/failing\/failing\.iamspec\.yaml:17:15 failing-suite principals\.dev\.policies\[0\] #1 NoDeleteWithoutMfa \(Deny\)/,
    )
  })

  it('keeps stdout the bare report when --format json is combined with --coverage', () => {
    const run = iamspec(['run', 'examples/', '--format', 'json', '--coverage'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as RunReport).summary.failed).toBe(0)
    expect(run.stderr).toContain('Statement coverage:')
  })

  it('counts statements as covered when role-chain hops relied on them', () => {
    const run = iamspec(['run', 'examples/cross-account-role-chain.iamspec.yaml', '--coverage'])
    expect(run.stdout).toMatch(/#0 OnlyTheToolsDeployer \(Allow\): \d+ checks/)
    expect(run.stdout).toMatch(/assume-prod-deploy` \(identity\)\n +✓ /)
  })

  it('runs a file whatever its extension when it is named directly', () => {
    const tmp = tempFiles({
      'plain.yaml':
        'suite: plain\ncases:\n  - { name: anon, principal: anonymous, action: s3:GetObject, resource: "*", expect: implicitDeny }\n',
    })
    try {
      const run = iamspec(['run', join(tmp.dir, 'plain.yaml')])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/^PASSED 1 passed/m)
    } finally {
      tmp.remove()
    }
  })

  it('skips node_modules when searching directories', () => {
    const suite =
      'suite: SUITE\ncases:\n  - { name: anon, principal: anonymous, action: s3:GetObject, resource: "*", expect: implicitDeny }\n'
    const tmp = tempFiles({
      'a.iamspec.yml': suite.replace('SUITE', 'a'),
      'nested/deeper/b.iamspec.json': JSON.stringify({
        suite: 'b',
        cases: [
          {
            name: 'anon',
            principal: 'anonymous',
            action: 's3:GetObject',
            resource: '*',
            expect: 'implicitDeny',
          },
        ],
      }),
      'node_modules/pkg/c.iamspec.yaml': 'not: [a suite',
    })
    try {
      const run = iamspec(['run', tmp.dir, '--format', 'json'])
      expect(run.code).toBe(0)
      expect((JSON.parse(run.stdout) as RunReport).results.map((r) => r.suite)).toEqual(['a', 'b'])
    } finally {
      tmp.remove()
    }
  })
})
