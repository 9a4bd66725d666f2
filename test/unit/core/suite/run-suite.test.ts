import { describe, expect, it } from 'vitest'
import type { Check } from '../../../../core/suite/check.ts'
import type { Engine } from '../../../../core/suite/engine.ts'
import { loadSuite } from '../../../../core/suite/load-suite.ts'
import { createLocalEngine } from '../../../../core/suite/local-engine.ts'
import { runSuite, runSuites } from '../../../../core/suite/run-suite.ts'
import type { LoadedSuite } from '../../../../core/suite/types.ts'
import { EXAMPLE_ACCOUNT, EXAMPLE_SUITE, readExampleFile } from './example-suite.ts'
import { ALLOW_ALL, loadYaml } from './suite-fixtures.ts'

const example = (text = EXAMPLE_SUITE): LoadedSuite => {
  const result = loadSuite(text, { fileName: 'suites/data.yaml', readFile: readExampleFile })
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}

/** A fake AWS engine that answers every check with one decision, or skips role chains */
const fakeAws = (decision: 'allowed' | 'implicitDeny'): Engine => ({
  name: 'aws',
  evaluate: async (checks: readonly Check[]) =>
    checks.map((c) =>
      c.via.length > 0
        ? { skipped: 'a role chain' }
        : { decision, matchedStatements: [], missingContextKeys: [] },
    ),
})

describe('runSuite', () => {
  it('passes every check of the suite-format example when run locally with its account snapshot', async () => {
    const report = await runSuite(example(), { resolver: EXAMPLE_ACCOUNT })
    expect(report.summary).toEqual({ total: 7, passed: 7, failed: 0, errors: 0, divergent: 0 })
    expect(
      report.results.map((r) => [
        r.case,
        r.action,
        r.resource,
        r.local && 'decision' in r.local ? r.local.decision : r.local,
      ]),
    ).toEqual([
      ['reader can read reports', 's3:GetObject', 'arn:aws:s3:::data-bucket/reports/q1.csv', 'allowed'],
      ['reader can never write or delete', 's3:PutObject', 'arn:aws:s3:::data-bucket/*', 'implicitDeny'],
      ['reader can never write or delete', 's3:PutObject', 'arn:aws:s3:::other-bucket/x', 'implicitDeny'],
      ['reader can never write or delete', 's3:DeleteObject', 'arn:aws:s3:::data-bucket/*', 'explicitDeny'],
      ['reader can never write or delete', 's3:DeleteObject', 'arn:aws:s3:::other-bucket/x', 'explicitDeny'],
      [
        'delete without MFA is explicitly denied',
        's3:DeleteObject',
        'arn:aws:s3:::data-bucket/tmp/x',
        'explicitDeny',
      ],
      ['dev can reach prod admin through the MFA-protected role chain', 'iam:ListRoles', '*', 'allowed'],
    ])
  })

  it('reports the statements that decided, with their policy, sid and position', async () => {
    const report = await runSuite(example(), { resolver: EXAMPLE_ACCOUNT })
    const first = report.results[0]!
    expect(first).toMatchObject({
      suite: 'data-bucket-access',
      principal: 'arn:aws:iam::111122223333:role/DataReader',
      expected: 'allowed',
      status: 'passed',
      divergent: false,
    })
    expect(first.aws).toBeUndefined()
    expect(first.local && 'matchedStatements' in first.local && first.local.matchedStatements).toContainEqual(
      {
        policy: 'read-data',
        sid: null,
        index: 0,
        effect: 'Allow',
        policyType: 'identity',
        position: { line: 19, column: 15, endLine: 21, endColumn: 83 },
      },
    )
    const denied = report.results[5]!
    expect(denied.local && 'matchedStatements' in denied.local && denied.local.matchedStatements).toEqual([
      expect.objectContaining({ policy: 'dev-base', sid: 'NoDeleteWithoutMfa', index: 1, effect: 'Deny' }),
    ])
  })

  it('reports errors naming the principal when the account cannot resolve it', async () => {
    const report = await runSuite(example())
    expect(report.summary).toMatchObject({ total: 7, passed: 5, errors: 2 })
    const errors = report.results.filter((r) => r.status === 'error')
    expect(errors.map((r) => r.message)).toEqual([
      expect.stringContaining('`arn:aws:iam::111122223333:user/dev`'),
      expect.stringContaining('`arn:aws:iam::111122223333:user/dev`'),
    ])
    expect(errors[0]!.local).toBeUndefined()
  })

  it('says which hop refused when a role chain is not allowed', async () => {
    const withoutMfa = EXAMPLE_SUITE.replace(
      'context: { aws:MultiFactorAuthPresent: true }',
      'sessionName: no-mfa',
    )
    const report = await runSuite(example(withoutMfa), { resolver: EXAMPLE_ACCOUNT })
    const chain = report.results[6]!
    expect(chain.status).toBe('failed')
    expect(chain.local).toMatchObject({
      decision: 'implicitDeny',
      hop: { index: 0, role: 'arn:aws:iam::444455556666:role/ProdAdmin', action: 'sts:AssumeRole' },
    })
  })

  it('compares engines and skips nothing when both ran', async () => {
    const report = await runSuite(example(), {
      resolver: EXAMPLE_ACCOUNT,
      engines: [createLocalEngine(), fakeAws('allowed')],
    })
    expect(report.summary).toEqual({ total: 7, passed: 7, failed: 0, errors: 0, divergent: 5 })
    expect(report.results[6]).toMatchObject({ aws: { skipped: 'a role chain' }, divergent: false })
  })

  it('judges on AWS when only the AWS engine ran', async () => {
    const report = await runSuite(example(), { engines: [fakeAws('implicitDeny')] })
    expect(report.summary).toEqual({ total: 7, passed: 4, failed: 2, errors: 1, divergent: 0 })
    expect(report.results.every((r) => r.local === undefined)).toBe(true)
  })

  it('turns an engine failure into an error per check', async () => {
    const broken: Engine = {
      name: 'aws',
      evaluate: () => {
        throw new Error('no credentials')
      },
    }
    const report = await runSuite(example(), {
      resolver: EXAMPLE_ACCOUNT,
      engines: [createLocalEngine(), broken],
    })
    expect(report.summary.errors).toBe(7)
    expect(report.results[0]).toMatchObject({ status: 'error', message: 'aws: no credentials' })
  })
})

describe('runSuites', () => {
  it('puts several suites into one report and counts their skipped checks', async () => {
    const other = loadYaml(`suite: other
principals:
  u: { arn: "arn:aws:iam::111122223333:user/u", policies: [ { document: ${ALLOW_ALL} } ] }
cases:
  - { name: a, principal: u, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: b, principal: u, action: s3:GetObject, resource: "*", expect: denied, skip: not yet }
  - { name: c, principal: anonymous, action: s3:GetObject, resource: "arn:aws:s3:::b/k", expect: implicitDeny }
`)
    const report = await runSuites([example(), other], { resolver: EXAMPLE_ACCOUNT })
    expect(report.summary).toEqual({ total: 9, passed: 9, failed: 0, errors: 0, divergent: 0, skipped: 1 })
    expect(report.results.slice(7).map((r) => [r.suite, r.case, r.principal])).toEqual([
      ['other', 'a', 'arn:aws:iam::111122223333:user/u'],
      ['other', 'c', 'anonymous'],
    ])
  })
})
