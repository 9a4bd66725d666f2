import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, iamspec } from './support/cli.ts'

const SNAPSHOT = 'examples/snapshots/acme-dev.json'

beforeAll(ensureBuilt, 120_000)

describe('iamspec explain', () => {
  it('shows policy types, the deciding statement, the failed condition and the trace when a request is explicitly denied', () => {
    const run = iamspec([
      'explain',
      '--suite',
      'examples/mfa-required.iamspec.yaml',
      '--principal',
      'bob',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::acme-team/notes.txt',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('principal bob (arn:aws:iam::111122223333:user/bob)')
    expect(run.stdout).toContain('Decision EXPLICIT DENY')
    expect(run.stdout).toContain(
      'denied because statement `BlockMostAccessUnlessSignedInWithMFA` in `policies/force-mfa.json` (identity) matched: aws:MultiFactorAuthPresent is false',
    )
    expect(run.stdout).toMatch(/^ {2}identity +denies /m)
    expect(run.stdout).toContain(
      'Deny statement `BlockMostAccessUnlessSignedInWithMFA` (#4) of `policies/force-mfa.json` (identity) at examples/policies/force-mfa.json:31:5',
    )
    expect(run.stdout).toMatch(/^Trace\n✗ request arn:aws:iam::111122223333:user\/bob s3:GetObject/m)
  })

  it('types --context values with the catalog and builds lists when keys are repeated', () => {
    const run = iamspec([
      'explain',
      '--suite',
      'examples/mfa-required.iamspec.yaml',
      '--principal',
      'bob',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::acme-team/notes.txt',
      '--context',
      'aws:MultiFactorAuthPresent=true',
      '--context',
      'aws:SourceIp=10.0.0.1',
      '--context',
      'aws:TagKeys=team',
      '--context',
      'aws:TagKeys=env',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('aws:multifactorauthpresent (boolean) = true')
    expect(run.stdout).toContain('aws:sourceip (ip) = 10.0.0.1')
    expect(run.stdout).toContain('aws:tagkeys (string list) = [team, env]')
    expect(run.stdout).toContain('Decision ALLOWED')
    expect(run.stdout).toContain('allowed by statement `ReadTeamBucket` in `team-read` (identity)')
  })

  it('shows the refusing hop and its condition values when a role chain is refused', () => {
    const run = iamspec([
      'explain',
      '--suite',
      'examples/mfa-role-assumption.iamspec.yaml',
      '--principal',
      'alice',
      '--via',
      'admin',
      '--action',
      'iam:ListUsers',
      '--context',
      'aws:MultiFactorAuthPresent=true',
      '--context',
      'aws:MultiFactorAuthAge=7200',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'via[0] sts:AssumeRole on arn:aws:iam::111122223333:role/Admin: IMPLICIT DENY',
    )
    expect(run.stdout).toContain('Decision IMPLICIT DENY (at via[0])')
    expect(run.stdout).toContain('aws:MultiFactorAuthAge = 7200 vs 3600')
  })

  it('resolves the principal from the snapshot when given an ARN and --snapshot', () => {
    const run = iamspec([
      'explain',
      '--snapshot',
      SNAPSHOT,
      '--principal',
      'arn:aws:iam::111122223333:user/bob',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::acme-dev-reports/weekly.csv',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Decision ALLOWED')
    expect(run.stdout).toContain('allowed by statement `ReadReports` in `AcmeReadOnlyReports` (identity)')
    expect(run.stdout).toContain('at examples/snapshots/acme-dev.json:')
  })

  it.each([
    [
      ['--principal', 'arn:aws:iam::111122223333:user/bob', '--action', 's3:GetObject'],
      'give an account snapshot with `--snapshot FILE`',
    ],
    [
      ['--principal', 'bob', '--action', 's3:GetObject'],
      '`--principal bob` is neither a principal of the suite nor a principal ARN',
    ],
    [['--principal', 'anonymous', '--action', 's3:Get*'], '`--action s3:Get*` is not an action'],
    [
      ['--principal', 'anonymous', '--action', 's3:GetObject', '--context', 'MFA'],
      '`--context MFA` is not `key=value`',
    ],
    [
      [
        '--snapshot',
        SNAPSHOT,
        '--principal',
        'arn:aws:iam::111122223333:role/Ghost',
        '--action',
        's3:GetObject',
      ],
      'arn:aws:iam::111122223333:role/Ghost',
    ],
  ])('exits 2 with a clear message when given %j', (args, message) => {
    const run = iamspec(['explain', ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
