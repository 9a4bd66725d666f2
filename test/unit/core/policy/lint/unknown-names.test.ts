import { describe, expect, it } from 'vitest'
import { loadIamCatalog } from '../../../../../core/catalog/load-catalog.ts'
import { lintPolicy } from '../../../../../core/policy/lint/lint-policy.ts'
import { fakeCatalog, parse, statementText } from './lint-fixtures.ts'

const lint = (statement: Record<string, unknown>) => {
  const text = statementText(statement)
  return lintPolicy(parse(text), { kind: 'identity', text }, fakeCatalog)
}

const allow = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
})

describe('unknown-action', () => {
  it.each([
    [
      'a misspelt action',
      { Action: ['s3:GetObject', 's3:GetObjects'] },
      'Statement[0].Action[1]',
      'did you mean `s3:GetObject`?',
    ],
    [
      'a pattern that matches nothing',
      { Action: 's3:Gett*' },
      'Statement[0].Action',
      'matches no `s3` action',
    ],
    [
      'an unknown service',
      { Action: ['s4:GetObject'] },
      'Statement[0].Action[0]',
      'unknown service prefix `s4`',
    ],
    [
      'a misspelt NotAction entry',
      { NotAction: ['s3:PutObjekt'] },
      'Statement[0].NotAction[0]',
      'did you mean `s3:PutObject`?',
    ],
  ])('warns about %s when the catalog does not know it', (_name, extra, path, fragment) => {
    const issues = lint(allow(extra)).filter((i) => i.code === 'unknown-action')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path, severity: 'warning' })
    expect(issues[0]?.message).toContain(fragment)
  })

  it.each([
    ['`*`', '*'],
    ['a known action in another case', 'S3:getobject'],
    ['a pattern that matches', 's3:Get*'],
    ['`?` wildcards', 's3:?utObject'],
  ])('stays quiet about %s', (_name, action) => {
    expect(lint(allow({ Action: action })).filter((i) => i.code === 'unknown-action')).toEqual([])
  })

  it('points at the exact array entry when the text is given', () => {
    const [issue] = lint(allow({ Action: ['s3:GetObject', 's3:GetObjects'] }))
    expect(issue?.span).toMatchObject({ line: 9, column: 9, endLine: 9, endColumn: 24 })
  })

  it('points at the statement when the text is not given', () => {
    const doc = parse(statementText(allow({ Action: ['s3:GetObjects'] })))
    const [issue] = lintPolicy(doc, { kind: 'identity' }, fakeCatalog)
    expect(issue).toMatchObject({ path: 'Statement[0].Action[0]', span: doc.statements[0]?.span })
  })

  it('checks nothing against the catalog when none is given', () => {
    const doc = parse(statementText(allow({ Action: 's4:Nope', Condition: { Bool: { 'x:y': 'true' } } })))
    expect(lintPolicy(doc, { kind: 'identity' })).toEqual([])
  })
})

describe('unknown-condition-key', () => {
  it.each([
    ['a misspelt service key', 's3:prefx', 'did you mean `s3:prefix`?'],
    ['an unknown global key', 'aws:SourceIpAddress', 'unknown condition key `aws:SourceIpAddress`'],
    ['a key of an unknown service', 'nope:key', 'unknown condition key `nope:key`'],
  ])('warns about %s', (_name, key, fragment) => {
    const issues = lint(allow({ Action: 's3:GetObject', Condition: { StringEquals: { [key]: 'x' } } }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      code: 'unknown-condition-key',
      path: `Statement[0].Condition.StringEquals.${key}`,
      severity: 'warning',
    })
    expect(issues[0]?.message).toContain(fragment)
    expect(issues[0]?.span?.line).toBeGreaterThan(0)
  })

  it.each(['s3:prefix', 'S3:Prefix', 'aws:PrincipalTag/team', 'aws:principalorgid'])(
    'stays quiet about known key %s',
    (key) => {
      const issues = lint(allow({ Action: 's3:GetObject', Condition: { StringLike: { [key]: 'x' } } }))
      expect(issues).toEqual([])
    },
  )
})

describe('lintPolicy with the real catalog', () => {
  it('knows the names of a typical policy when linting it', async () => {
    const text = statementText({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:List*', 'kms:Decrypt'],
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        StringLike: { 's3:prefix': 'home/${aws:username}/*', 'aws:PrincipalTag/team': 'x' },
        Bool: { 'aws:SecureTransport': 'true' },
      },
    })
    expect(lintPolicy(parse(text), { kind: 'identity', text }, await loadIamCatalog())).toEqual([])
  })

  it('flags a misspelt action with a suggestion when linting against the real catalog', async () => {
    const text = statementText({
      Effect: 'Allow',
      Action: 'iam:PassRoles',
      Resource: 'arn:aws:iam::1:role/x',
    })
    const [issue] = lintPolicy(parse(text), { kind: 'identity', text }, await loadIamCatalog())
    expect(issue?.message).toContain('did you mean `iam:PassRole`?')
  })
})
