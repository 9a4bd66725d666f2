import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SUITE_SCHEMA_PATH, suiteJsonSchemaText } from '../../../../core/suite/json-schema.ts'
import { suiteSchema } from '../../../../core/suite/schema.ts'

const minimal = {
  suite: 'a-suite',
  cases: [{ name: 'c', principal: 'p', action: 's3:GetObject', resource: '*', expect: 'allowed' }],
}

const withCase = (changes: Record<string, unknown>) => ({
  ...minimal,
  cases: [{ ...minimal.cases[0], ...changes }],
})

describe('suiteSchema', () => {
  it('accepts a minimal suite when it has an id and one case', () => {
    expect(suiteSchema.safeParse(minimal).success).toBe(true)
  })

  it.each([
    ['a policy reference by document', { policies: [{ name: 'n', document: { Version: '2012-10-17' } }] }],
    ['a policy reference by file', { policies: [{ file: 'p.json' }] }],
    ['a policy reference by managed ARN', { policies: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }],
    ['a document given as JSON text', { policies: [{ document: '{"Version":"2012-10-17"}' }] }],
    [
      'role-only elements',
      { trustPolicy: { file: 't.json' }, sessionName: 'my-session', sessionTags: { a: 'b' } },
    ],
  ])('accepts a principal with %s', (_label, extra) => {
    const suite = { ...minimal, principals: { p: { arn: 'arn:aws:iam::111122223333:role/R', ...extra } } }
    expect(suiteSchema.safeParse(suite).success).toBe(true)
  })

  it.each([
    ['a string', 'x'],
    ['a number', 3],
    ['a boolean', true],
    ['a list', ['a', 1, false]],
    ['an empty list', []],
    ['a typed value', { type: 'ip', value: '10.0.0.0' }],
    ['a typed list', { type: 'stringList', value: ['a', 'b'] }],
  ])('accepts %s as a context value', (_label, value) => {
    expect(suiteSchema.safeParse({ ...minimal, context: { 'aws:Key': value } }).success).toBe(true)
  })

  it('accepts null in a case context when it removes a suite key', () => {
    expect(suiteSchema.safeParse(withCase({ context: { 'aws:SourceIp': null } })).success).toBe(true)
  })

  it('rejects null in the suite context when there is nothing to remove', () => {
    expect(suiteSchema.safeParse({ ...minimal, context: { 'aws:SourceIp': null } }).success).toBe(false)
  })

  it.each([
    ['an unknown top-level key', { ...minimal, extra: 1 }, [], 'unrecognized_keys'],
    ['an unknown case key', withCase({ expected: 'allowed' }), ['cases', 0], 'unrecognized_keys'],
    [
      'an unknown principal key',
      { ...minimal, principals: { p: { arn: 'arn:aws:iam::111122223333:user/u', polices: [] } } },
      ['principals', 'p'],
      'unrecognized_keys',
    ],
    ['a bad suite id', { ...minimal, suite: 'Bad Id' }, ['suite'], 'invalid_format'],
    ['a bad expectation', withCase({ expect: 'maybe' }), ['cases', 0, 'expect'], 'invalid_value'],
    ['both action and actions', withCase({ actions: ['s3:PutObject'] }), ['cases', 0], 'custom'],
    ['neither resource nor resources', withCase({ resource: undefined }), ['cases', 0], 'custom'],
    ['a wildcard action', withCase({ action: 's3:Get*' }), ['cases', 0, 'action'], 'invalid_format'],
    ['no cases', { ...minimal, cases: [] }, ['cases'], 'too_small'],
    [
      'an unquoted account id',
      { ...minimal, resources: { b: { arn: 'arn:aws:s3:::b', account: 111122223333 } } },
      ['resources', 'b', 'account'],
      'invalid_type',
    ],
  ])('rejects %s with its path', (_label, suite, path, code) => {
    const result = suiteSchema.safeParse(suite)
    expect(result.success).toBe(false)
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path, code }))
  })
})

describe('suiteJsonSchema', () => {
  it('matches the committed schema file when the zod schema has not changed', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../..', SUITE_SCHEMA_PATH), 'utf8')
    expect(committed, 'run `npm run schema` to regenerate the JSON Schema').toBe(suiteJsonSchemaText())
  })

  it('spells out the exactly-one rules of a case when generating the schema', () => {
    const schema = JSON.parse(suiteJsonSchemaText())
    expect(schema.properties.cases.items.allOf).toEqual([
      { oneOf: [{ required: ['action'] }, { required: ['actions'] }] },
      { oneOf: [{ required: ['resource'] }, { required: ['resources'] }] },
    ])
    expect(schema.additionalProperties).toBe(false)
  })
})
