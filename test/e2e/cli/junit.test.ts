import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLE_SUITES, ensureBuilt, FIXTURES, iamspec } from './support/cli.ts'
import { findAll, parseXml } from './support/xml.ts'

beforeAll(ensureBuilt, 120_000)

describe('iamspec run --format junit', () => {
  it('writes well-formed XML with one testsuite per suite and one testcase per check when every check passes', () => {
    const run = iamspec(['run', 'examples/', '--format', 'junit'])
    expect(run.code).toBe(0)
    const root = parseXml(run.stdout)
    expect(root.name).toBe('testsuites')
    const suites = findAll(root, 'testsuite')
    expect(suites).toHaveLength(EXAMPLE_SUITES)
    const total = suites.reduce((n, s) => n + Number(s.attributes.tests), 0)
    expect(Number(root.attributes.tests)).toBe(total)
    expect(findAll(root, 'testcase')).toHaveLength(total)
    for (const s of suites) {
      expect(s.attributes.failures).toBe('0')
      expect(s.attributes.file).toMatch(/^examples\/.+\.iamspec\.yaml$/)
      for (const c of findAll(s, 'testcase')) expect(c.attributes.classname).toBe(s.attributes.name)
    }
  })

  it('writes failures with explanations, <error> and <skipped/> when checks fail, error and skip', () => {
    const run = iamspec(['run', join(FIXTURES, 'failing'), '--format', 'junit'])
    expect(run.code).toBe(1)
    const root = parseXml(run.stdout)
    expect(root.attributes).toMatchObject({ tests: '6', failures: '2', errors: '1', skipped: '2' })
    const [suite] = findAll(root, 'testsuite')
    expect(suite!.attributes).toMatchObject({
      name: 'failing-suite',
      tests: '6',
      failures: '2',
      errors: '1',
      skipped: '2',
    })
    const cases = findAll(suite!, 'testcase')
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'dev reads objects [s3:GetObject arn:aws:s3:::data/report.csv]',
      'dev deletes <without> "MFA" & \'fails\' [s3:DeleteObject arn:aws:s3:::data/report.csv]',
      'dev writes [s3:PutObject arn:aws:s3:::data/report.csv]',
      'an unknown federated user [s3:GetObject arn:aws:s3:::data/report.csv]',
      'not ready yet [ec2:RunInstances *]',
      'not ready yet [ec2:StopInstances *]',
    ])
    expect(cases[0]!.children).toEqual([])
    const failure = cases[1]!.children[0]!
    expect(failure.name).toBe('failure')
    expect(failure.attributes.message).toBe('expected allowed, got explicitDeny')
    expect(failure.text).toContain(
      'why: denied because statement `NoDeleteWithoutMfa` in `dev-base` (identity) matched: aws:MultiFactorAuthPresent is missing',
    )
    expect(failure.text).toContain(
      'deciding statement: test/e2e/cli/fixtures/failing/failing.iamspec.yaml:17:15',
    )
    const error = cases[3]!.children[0]!
    expect(error.name).toBe('error')
    expect(error.attributes.message).toContain('federated user')
    expect(cases[4]!.children[0]).toMatchObject({
      name: 'skipped',
      attributes: { message: 'waiting for the EC2 policy' },
    })
  })

  it('writes JUnit to the file and the pretty report to stdout when --out is given', () => {
    const run = iamspec([
      'run',
      'examples/',
      '--format',
      'junit',
      '--out',
      'test/artifacts/cli-e2e/junit.xml',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^PASSED /m)
  })
})
