import { describe, expect, it } from 'vitest'
import { parseJsonSource } from '../../../../core/policy/parse-json.ts'
import { fromPlainValue } from '../../../../core/policy/source-node.ts'
import type { PolicyKind } from '../../../../core/policy/types.ts'
import { validatePolicy } from '../../../../core/policy/validate-policy.ts'
import { ALLOW, doc, errorsOf, RESOURCE, type RuleCase, run, valid } from './policy-fixtures.ts'

describe('validatePolicy', () => {
  it.each<[string, PolicyKind, unknown]>([
    ['a single statement object', 'identity', doc(ALLOW)],
    ['an array of statements', 'identity', doc([ALLOW, { ...ALLOW, Effect: 'Deny' }])],
    ['no Version', 'identity', { Statement: ALLOW }],
    ['Version 2008-10-17', 'identity', doc(ALLOW, { Version: '2008-10-17' })],
    ['an Id in a resource policy', 'resource', doc(RESOURCE, { Id: 'bucket-policy-1' })],
    ['an empty statement array', 'identity', doc([])],
  ])('accepts %s when checking a %s policy', (_name, kind, value) => {
    expect(valid(value, kind)).toBeDefined()
  })

  it.each<RuleCase>([
    ['a document that is not an object', 'identity', [ALLOW], [['wrong-type', '']]],
    ['a missing Statement', 'identity', { Version: '2012-10-17' }, [['missing-element', '']]],
    [
      'a misspelled top-level element',
      'identity',
      { Version: '2012-10-17', Statements: [ALLOW] },
      [
        ['unknown-element', 'Statements'],
        ['missing-element', ''],
      ],
    ],
    [
      'a lowercase top-level element',
      'identity',
      { version: '2012-10-17', Statement: ALLOW },
      [['unknown-element', 'version']],
    ],
    [
      'an unknown Version',
      'identity',
      doc(ALLOW, { Version: '2012-10-18' }),
      [['invalid-version', 'Version']],
    ],
    [
      'a Version that is not a string',
      'identity',
      doc(ALLOW, { Version: 2012 }),
      [['wrong-type', 'Version']],
    ],
    ['an Id that is not a string', 'resource', doc(RESOURCE, { Id: 7 }), [['wrong-type', 'Id']]],
    ['a Statement string', 'identity', doc('Allow everything'), [['wrong-type', 'Statement']]],
    [
      'statements that are not objects',
      'identity',
      doc([ALLOW, 'x', null]),
      [
        ['wrong-type', 'Statement[1]'],
        ['wrong-type', 'Statement[2]'],
      ],
    ],
  ])('reports %s when checking a %s policy', (_name, kind, value, expected) => {
    expect(errorsOf(value, kind)).toEqual(expected)
  })

  it('collects every issue across statements when several are wrong', () => {
    const value = doc([
      { Effect: 'Allow', Action: 's3', Resource: 'x' },
      { Effect: 'Maybe', Principal: '*', Action: 's3:x', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEqual: { 'aws:a': 'b' } } },
    ])
    expect(errorsOf(value, 'identity')).toEqual([
      ['invalid-action', 'Statement[0].Action'],
      ['invalid-arn', 'Statement[0].Resource'],
      ['invalid-effect', 'Statement[1].Effect'],
      ['principal-not-allowed', 'Statement[1].Principal'],
      ['unknown-operator', 'Statement[2].Condition.StringEqual'],
    ])
  })

  it('suggests the right spelling when an element, operator or Effect is misspelled', () => {
    const value = doc([
      { Effect: 'deny', Action: '*', Resorce: '*', Condition: { StringLikee: { 'aws:a': 'b' } } },
    ])
    const result = run(value, 'identity')
    if (result.ok) throw new Error('expected issues')
    const messages = result.issues.map((i) => i.message).join('\n')
    expect(messages).toContain('did you mean `Resource`?')
    expect(messages).toContain('did you mean `Deny`?')
    expect(messages).toContain('unknown condition operator `StringLikee`; did you mean `StringLike`?')
  })

  it('passes with a warning when an identity policy has an Id', () => {
    const result = run(doc(ALLOW, { Id: 'x' }), 'identity')
    expect(result.ok && result.warnings?.map((w) => [w.code, w.path, w.severity])).toEqual([
      ['unknown-element', 'Id', 'warning'],
    ])
  })

  it('keeps warnings among the issues when the policy also has errors', () => {
    const result = run(doc({ ...ALLOW, Effect: 'allow' }, { Id: 'x' }), 'identity')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.severity]).sort()).toEqual([
      ['invalid-effect', 'error'],
      ['unknown-element', 'warning'],
    ])
  })

  it('rejects a Sid used twice in an IAM policy and warns in a resource policy', () => {
    const twice = doc([
      { ...ALLOW, Sid: 'Read' },
      { ...ALLOW, Sid: 'Read' },
    ])
    expect(run(twice, 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid-sid', path: 'Statement[1].Sid' }],
    })
  })

  it('reports a duplicate key when the tree came from a source that kept both', () => {
    const node = fromPlainValue(doc(ALLOW))
    if (node.kind !== 'object') throw new Error('not an object')
    const again = node.entries[1]!
    const twice = { ...node, entries: [...node.entries, again] }
    expect(validatePolicy(twice, 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'duplicate-key', path: 'Statement' }],
    })
  })
})

describe('validatePolicy builds the document', () => {
  it('records Version, Id, statement indexes and element values when valid', () => {
    const value = {
      Version: '2008-10-17',
      Id: 'p1',
      Statement: [
        {
          Sid: 'One',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: ['arn:aws:s3:::b/*'],
        },
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: ['123456789012', '*'] },
          NotAction: ['s3:*'],
          NotResource: 'arn:aws:s3:::b',
        },
      ],
    }
    const document = valid(value, 'resource')
    expect(document).toMatchObject({ version: '2008-10-17', id: 'p1' })
    expect(document.statements[0]).toMatchObject({
      index: 0,
      sid: 'One',
      effect: 'Allow',
      action: ['s3:GetObject'],
      notAction: undefined,
      resource: ['arn:aws:s3:::b/*'],
      notResource: undefined,
      principal: { everyone: true, aws: [], service: [], federated: [], canonicalUser: [] },
      notPrincipal: undefined,
      conditions: [],
    })
    expect(document.statements[1]).toMatchObject({
      index: 1,
      sid: undefined,
      effect: 'Deny',
      action: undefined,
      notAction: ['s3:*'],
      resource: undefined,
      notResource: ['arn:aws:s3:::b'],
      principal: undefined,
      notPrincipal: { everyone: true, aws: ['123456789012', '*'] },
    })
  })

  it('leaves Version and Id undefined when they are absent', () => {
    expect(valid({ Statement: ALLOW }, 'identity')).toMatchObject({ version: undefined, id: undefined })
  })
})

describe('validatePolicy positions', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": "s3:GetObject",',
    '      "Resource": "*",',
    '      "Condition": { "StringLike": { "s3:prefix": ["home/*"] } }',
    '    },',
    '    { "Effect": "Deny", "Action": "s3:x", "Resource": "bucket" }',
    '  ]',
    '}',
  ].join('\n')

  const parse = (source: string, kind: PolicyKind = 'identity') => {
    const parsed = parseJsonSource(source)
    if (!parsed.ok) throw new Error('parse failed')
    return validatePolicy(parsed.value, kind)
  }

  it('gives statements, conditions and the document their source spans when parsed from text', () => {
    const result = parse(text.replace('"bucket"', '"*"'))
    if (!result.ok) throw new Error('expected a valid policy')
    expect(result.value.span).toEqual({ line: 1, column: 1, endLine: 12, endColumn: 2 })
    expect(result.value.statements.map((s) => s.span)).toEqual([
      { line: 4, column: 5, endLine: 9, endColumn: 6 },
      { line: 10, column: 5, endLine: 10, endColumn: 60 },
    ])
    expect(result.value.statements[0]!.conditions[0]!.span).toEqual({
      line: 8,
      column: 38,
      endLine: 8,
      endColumn: 61,
    })
  })

  it('points issues at the offending value when parsed from text', () => {
    expect(parse(text)).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: 'invalid-arn',
          path: 'Statement[1].Resource',
          span: { line: 10, column: 55, endLine: 10, endColumn: 63 },
        }),
      ],
    })
  })

  it('points missing-element issues at the statement when an element is absent', () => {
    expect(parse('{"Statement": [\n  {"Effect": "Allow", "Resource": "*"}\n]}')).toMatchObject({
      ok: false,
      issues: [{ code: 'missing-element', path: 'Statement[0]', span: { line: 2, column: 3 } }],
    })
  })

  it('points unknown elements and operators at their keys when parsed from text', () => {
    const result = parse(
      '{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",\n "Condition": {"StringEqual": {"a:b": "c"}}, "Foo": 1}}',
    )
    if (result.ok) throw new Error('expected issues')
    expect(result.issues.map((i) => [i.code, i.span?.line, i.span?.column])).toEqual([
      ['unknown-element', 2, 46],
      ['unknown-operator', 2, 16],
    ])
  })
})
