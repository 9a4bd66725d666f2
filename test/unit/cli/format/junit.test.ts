import { describe, expect, it } from 'vitest'
import { formatJunit, testcaseName } from '../../../../cli/format/junit.ts'
import { findAll, parseXml } from '../../../e2e/cli/support/xml.ts'
import { result, view } from '../cli-fixtures.ts'

describe('formatJunit', () => {
  it('writes one testcase per check with classname = suite and counts per suite when checks pass', () => {
    const xml = formatJunit(view([result(), result({ case: 'dev lists', action: 's3:ListBucket' })]))
    const root = parseXml(xml)
    expect(root.attributes).toMatchObject({
      name: 'iamspec',
      tests: '2',
      failures: '0',
      errors: '0',
      skipped: '0',
    })
    const [suite] = findAll(root, 'testsuite')
    expect(suite!.attributes).toMatchObject({
      name: 'unit',
      tests: '2',
      time: '0.010',
      file: 'suites/unit.iamspec.yaml',
    })
    expect(findAll(suite!, 'testcase').map((c) => [c.attributes.classname, c.attributes.name])).toEqual([
      ['unit', 'dev reads [s3:GetObject arn:aws:s3:::data/x]'],
      ['unit', 'dev lists [s3:ListBucket arn:aws:s3:::data/x]'],
    ])
  })

  it('escapes names and messages when they hold XML characters', () => {
    const name = `a <b> & "c" 'd' \u0001`
    const failed = result({ case: name, expected: 'implicitDeny', status: 'failed' })
    const xml = formatJunit(view([failed], { explanations: new Map([[0, 'why <because> & so']]) }))
    expect(xml).not.toContain('\u0001')
    const testcase = findAll(parseXml(xml), 'testcase')[0]!
    expect(testcase.attributes.name).toBe(`a <b> & "c" 'd'  [s3:GetObject arn:aws:s3:::data/x]`)
    const failure = testcase.children[0]!
    expect(failure.name).toBe('failure')
    expect(failure.attributes).toEqual({ message: 'expected implicitDeny, got allowed', type: 'allowed' })
    expect(failure.text).toContain('why: why <because> & so')
    expect(failure.text).toContain('deciding statement: suites/unit.iamspec.yaml:10:15')
  })

  it('writes errors as <error> and skipped checks as <skipped/> when checks could not run', () => {
    const error = result({ status: 'error', message: 'local: principal `x` not found', local: undefined })
    const xml = formatJunit(
      view([error], {
        skipped: [{ suite: 'unit', case: 'later', action: 's3:PutObject', resource: '*', reason: 'not yet' }],
      }),
    )
    const root = parseXml(xml)
    expect(root.attributes).toMatchObject({ tests: '2', errors: '1', skipped: '1' })
    const [errorCase, skippedCase] = findAll(root, 'testcase')
    expect(errorCase!.children[0]).toMatchObject({
      name: 'error',
      attributes: { message: 'local: principal `x` not found', type: 'error' },
      text: 'local: principal `x` not found',
    })
    expect(skippedCase!.attributes.name).toBe('later [s3:PutObject *]')
    expect(skippedCase!.children[0]).toMatchObject({ name: 'skipped', attributes: { message: 'not yet' } })
  })

  it.each([
    [false, 'system-out', '0'],
    [true, 'failure', '1'],
  ])(
    'reports a passed but divergent check (failOnDivergence %s) as <%s>',
    (failOnDivergence, element, failures) => {
      const divergent = result({
        divergent: true,
        aws: { decision: 'implicitDeny', matchedStatements: [], missingContextKeys: [] },
      })
      const root = parseXml(formatJunit(view([divergent], { failOnDivergence })))
      expect(root.attributes.failures).toBe(failures)
      const child = findAll(root, 'testcase')[0]!.children[0]!
      expect(child.name).toBe(element)
      expect((child.name === 'failure' ? child.attributes.message : child.text)?.split('\n')[0]).toBe(
        'engines diverge: local allowed, aws implicitDeny',
      )
    },
  )

  it('writes an empty testsuites element when nothing ran', () => {
    const root = parseXml(formatJunit(view([], { suiteFiles: new Map() })))
    expect(root).toMatchObject({ name: 'testsuites', children: [], attributes: { tests: '0' } })
  })
})

describe('testcaseName', () => {
  it('joins case, action and resource when naming a testcase', () => {
    expect(testcaseName({ case: 'c', action: 's3:GetObject', resource: '*' })).toBe('c [s3:GetObject *]')
  })
})
