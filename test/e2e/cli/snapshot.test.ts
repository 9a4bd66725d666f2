import { beforeAll, describe, expect, it } from 'vitest'
import type { RunReport } from '../../../core/suite/index.ts'
import { ensureBuilt, iamspec, tempFiles } from './support/cli.ts'

const SUITE = 'examples/snapshot/acme-dev.suite.yaml'
const SNAPSHOT = 'examples/snapshots/acme-dev.json'

beforeAll(ensureBuilt, 120_000)

describe('iamspec run --snapshot', () => {
  it('passes when principals and managed policies come from the snapshot', () => {
    const run = iamspec(['run', SUITE, '--snapshot', SNAPSHOT, '--format', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as RunReport
    expect(report.summary.failed + report.summary.errors).toBe(0)
    expect(report.summary.total).toBeGreaterThan(15)
  })

  it('exits 2 naming each principal the suite leaves to the account when no snapshot is given', () => {
    const run = iamspec(['run', SUITE])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `${SUITE}:18:5 principals.alice: principal \`arn:aws:iam::111122223333:user/engineering/alice\` is left to the account`,
    )
    expect(run.stderr).toContain('managed policy `arn:aws:iam::111122223333:policy/AcmeReadOnlyReports`')
  })

  it('exits 2 naming the ARNs when the snapshot does not hold them', () => {
    const tmp = tempFiles({
      'ghost.iamspec.yaml': `suite: ghost
principals:
  ghost: { arn: "arn:aws:iam::111122223333:role/Ghost" }
  carol:
    arn: arn:aws:iam::111122223333:user/carol
    policies: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]
cases:
  - { name: ghost reads, principal: ghost, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: carol reads, principal: carol, action: s3:GetObject, resource: "*", expect: allowed }
`,
    })
    try {
      const run = iamspec(['run', tmp.dir, '--snapshot', `${process.cwd()}/${SNAPSHOT}`])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        /ghost\.iamspec\.yaml:3:10 principals\.ghost: .*`arn:aws:iam::111122223333:role\/Ghost`/,
      )
      expect(run.stderr).toMatch(
        /ghost\.iamspec\.yaml:6:23 principals\.carol\.policies\[0\]: managed policy `arn:aws:iam::aws:policy\/ReadOnlyAccess`/,
      )
    } finally {
      tmp.remove()
    }
  })

  it('exits 2 when the snapshot file cannot be read or is not a snapshot', () => {
    expect(iamspec(['run', SUITE, '--snapshot', 'no-such.json']).stderr).toContain(
      'cannot read the account snapshot `no-such.json`',
    )
    const run = iamspec(['run', SUITE, '--snapshot', 'package.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('not an account snapshot')
  })
})
