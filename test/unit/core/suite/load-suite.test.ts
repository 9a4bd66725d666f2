import { describe, expect, it } from 'vitest'
import type { Issue } from '../../../../core/policy/issue.ts'
import { loadSuite, loadSuiteValue } from '../../../../core/suite/load-suite.ts'
import type { LoadedSuite } from '../../../../core/suite/types.ts'
import { EXAMPLE_SUITE, readExampleFile } from './example-suite.ts'

const load = (text: string, files: Record<string, string> = {}) =>
  loadSuite(text, { fileName: 'suites/s.yaml', readFile: (path) => files[path] })

const loaded = (text: string, files: Record<string, string> = {}): LoadedSuite => {
  const result = load(text, files)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}

const issuesOf = (text: string, files: Record<string, string> = {}): readonly Issue[] => {
  const result = load(text, files)
  if (result.ok) throw new Error('expected issues')
  return result.issues
}

const ALLOW_ALL = '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }'

/** A small valid suite; `principals` and `cases` text can be swapped in */
const suite = (principals: string, cases: string, extra = '') => `suite: s
principals:
${principals}
${extra}
cases:
${cases}
`

const ONE_CASE = `  - name: c
    principal: p
    action: s3:GetObject
    resource: "*"
    expect: allowed`

describe('loadSuite', () => {
  it('loads the suite-format example when its files can be read', () => {
    const result = loadSuite(EXAMPLE_SUITE, { fileName: 'suites/data.yaml', readFile: readExampleFile })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const s = result.value
    expect(s.id).toBe('data-bucket-access')
    expect(s.tags).toEqual(['s3', 'data-team'])
    expect([...s.principals.keys()]).toEqual(['reader', 'dev-user', 'prod-admin'])
    expect(s.principals.get('prod-admin')?.policies).toBeUndefined()
    expect(s.principals.get('dev-user')?.groups).toEqual(['developers'])
    expect(s.cases.map((c) => c.actions.length * c.resources.length)).toEqual([1, 4, 1, 1])
    expect(s.organization?.scps.map((l) => l.level)).toEqual(['root', 'ou-workloads'])
  })

  it('remembers where the suite id is written (tools report a second suite with the same id there)', () => {
    const s = loaded(
      `# a comment\n${suite('  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }', ONE_CASE)}`,
    )
    expect(s.idSpan).toMatchObject({ line: 2, column: 8 })
    const fromValue = loadSuiteValue(
      {
        suite: 'v',
        cases: [{ name: 'c', principal: 'anonymous', action: 'a:b', resource: '*', expect: 'allowed' }],
      },
      { fileName: 'api' },
    )
    expect(fromValue.ok && fromValue.value.idSpan).toBe(undefined)
  })

  it('names file policies by their path and places them next to the suite file when loading', () => {
    const s = loaded(
      suite(
        '  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies: [ { file: ../policies/a.json } ]',
        ONE_CASE,
      ),
      {
        '../policies/a.json':
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      },
    )
    const ref = s.principals.get('p')?.policies?.[0]
    expect(ref).toMatchObject({
      kind: 'document',
      policy: { name: '../policies/a.json', file: 'policies/a.json' },
    })
  })

  it('names unnamed inline documents by their place in the suite', () => {
    const s = loaded(
      suite(
        `  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies: [ { document: ${ALLOW_ALL} } ]`,
        ONE_CASE,
      ),
    )
    expect(s.principals.get('p')?.policies?.[0]).toMatchObject({
      policy: { name: 'principals.p.policies[0]' },
    })
  })

  it('keeps a `{ arn }` reference unresolved when it names a managed policy', () => {
    const s = loaded(
      suite(
        '  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies: [ { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]',
        ONE_CASE,
      ),
    )
    expect(s.principals.get('p')?.policies?.[0]).toMatchObject({
      kind: 'managed',
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      path: 'principals.p.policies[0]',
    })
  })

  it('reads `Null:` in a YAML policy as the condition operator when the document is inline', () => {
    const s = loaded(
      suite(
        `  p:
    arn: arn:aws:iam::111122223333:user/u
    policies:
      - document:
          Version: "2012-10-17"
          Statement:
            - Effect: Deny
              Action: "*"
              Resource: "*"
              Condition:
                Null: { aws:TokenIssueTime: true }`,
        ONE_CASE,
      ),
    )
    const ref = s.principals.get('p')?.policies?.[0]
    const condition = ref?.kind === 'document' ? ref.policy.document.statements[0]?.conditions[0] : undefined
    expect(condition).toMatchObject({ operator: 'Null', key: 'aws:TokenIssueTime', values: ['true'] })
    expect(condition?.span.line).toBe(13)
  })

  it('loads a JSON suite with JSON positions when the file name ends in .json', () => {
    const text = JSON.stringify(
      {
        suite: 's',
        cases: [
          {
            name: 'c',
            principal: 'anonymous',
            action: 's3:GetObject',
            resource: '*',
            expect: 'denied',
            extra: 1,
          },
        ],
      },
      null,
      2,
    )
    const result = loadSuite(text, { fileName: 's.json' })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        code: 'unknown-key',
        path: 'cases[0].extra',
        file: 's.json',
        span: { line: 10 },
      })
  })

  it('loads a suite given as a plain value when it comes from an API body', () => {
    const value = {
      suite: 's',
      cases: [{ name: 'c', principal: 'anonymous', action: 's3:GetObject', resource: '*', expect: 'denied' }],
    }
    expect(loadSuiteValue(value, { fileName: 'body' }).ok).toBe(true)
  })

  it('reads context values as the text IAM sees and marks typed values', () => {
    const s = loaded(
      suite(
        '  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }',
        ONE_CASE,
        `context:
  aws:MultiFactorAuthAge: 1.50
  aws:SecureTransport: true
  aws:SourceIp: { type: ip, value: 10.0.0.1 }
  aws:TagKeys: [a, b]
  aws:Empty: []
  s3:Ids: { type: stringList, value: x }`,
      ),
    )
    expect(Object.fromEntries(s.context)).toEqual({
      'aws:multifactorauthage': {
        key: 'aws:MultiFactorAuthAge',
        values: ['1.50'],
        list: false,
        inferredType: 'numeric',
      },
      'aws:securetransport': {
        key: 'aws:SecureTransport',
        values: ['true'],
        list: false,
        inferredType: 'boolean',
      },
      'aws:sourceip': {
        key: 'aws:SourceIp',
        values: ['10.0.0.1'],
        list: false,
        forcedType: 'ip',
        inferredType: 'string',
      },
      'aws:tagkeys': { key: 'aws:TagKeys', values: ['a', 'b'], list: true, inferredType: 'string' },
      'aws:empty': { key: 'aws:Empty', values: [], list: true, inferredType: 'string' },
      's3:ids': { key: 's3:Ids', values: ['x'], list: true, forcedType: 'string', inferredType: 'string' },
    })
  })

  it('normalizes skip and only when a case sets them', () => {
    const cases = [true, 'flaky upstream', false].map(
      (skip, i) =>
        `  - { name: c${i}, principal: p, action: s3:GetObject, resource: "*", expect: allowed, skip: ${JSON.stringify(skip)}, only: ${i === 2} }`,
    )
    const s = loaded(
      suite('  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }', cases.join('\n')),
    )
    expect(s.cases.map((c) => [c.skip, c.only])).toEqual([
      ['skipped', false],
      ['flaky upstream', false],
      [undefined, true],
    ])
  })
})

describe('loadSuite issues', () => {
  it('reports a YAML syntax error with the suite file, line and column', () => {
    expect(issuesOf('suite: s\ncases: [1, 2\nx: y\n')).toEqual([
      expect.objectContaining({
        code: 'syntax',
        file: 'suites/s.yaml',
        span: expect.objectContaining({ line: 3, column: 1 }),
      }),
    ])
  })

  it('reports an unknown key with its path, position and a suggestion', () => {
    const issues = issuesOf(
      suite('  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }', `${ONE_CASE}\n    contxt: {}`),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        path: 'cases[0].contxt',
        message: 'unknown key `contxt`; did you mean `context`?',
        span: expect.objectContaining({ line: 11, column: 5 }),
      }),
    ])
  })

  it('reports a wrong expectation at `cases[0].expect` with its line', () => {
    const issues = issuesOf(
      suite(
        '  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }',
        ONE_CASE.replace('allowed', 'alowed'),
      ),
    )
    expect(issues[0]).toMatchObject({
      code: 'invalid-value',
      path: 'cases[0].expect',
      span: { line: 10, column: 13 },
    })
    expect(issues[0]!.message).toContain('did you mean `allowed`?')
  })

  it('reports a missing file reference with the file name and the reference position', () => {
    const issues = issuesOf(
      suite(
        '  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies:\n      - file: nope.json',
        ONE_CASE,
      ),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'missing-reference',
        path: 'principals.p.policies[0].file',
        file: 'suites/s.yaml',
        span: expect.objectContaining({ line: 6, column: 15 }),
      }),
    ])
    expect(issues[0]!.message).toContain('`nope.json`')
  })

  it('reports file references as unreadable when no reader is given', () => {
    const text = suite(
      '  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies: [ { file: a.json } ]',
      ONE_CASE,
    )
    const result = loadSuite(text, { fileName: 's.yaml' })
    expect(!result.ok && result.issues[0]).toMatchObject({
      code: 'missing-reference',
      path: 'principals.p.policies[0].file',
    })
  })

  it('reports an invalid inline policy at its position inside the YAML', () => {
    const issues = issuesOf(
      suite(
        `  p:
    arn: arn:aws:iam::111122223333:user/u
    policies:
      - name: bad
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Alow
              Action: s3:GetObject
              Resource: "*"`,
        ONE_CASE,
      ),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'invalid-effect',
        path: 'principals.p.policies[0].document.Statement[0].Effect',
        file: 'suites/s.yaml',
        span: expect.objectContaining({ line: 10, column: 23 }),
      }),
    ])
  })

  it('reports an invalid policy file inside that file when a reference points to it', () => {
    const issues = issuesOf(
      suite(
        '  p:\n    arn: arn:aws:iam::111122223333:user/u\n    policies: [ { file: p/a.json } ]',
        ONE_CASE,
      ),
      {
        'p/a.json':
          '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" } ]\n}',
      },
    )
    expect(issues[0]).toMatchObject({ file: 'suites/p/a.json', path: 'Statement[0]', span: { line: 3 } })
  })

  it.each([
    ['an identity policy with a Principal', 'policies', 'identity'],
    ['a trust policy without a Principal', 'trustPolicy', 'trust'],
  ])('checks %s against the rules of its place', (_label, key) => {
    const document =
      key === 'policies'
        ? '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: "*", Resource: "*" } ] }'
        : '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole" } ] }'
    const value = key === 'policies' ? `[ { document: ${document} } ]` : `{ document: ${document} }`
    const issues = issuesOf(
      suite(`  p:\n    arn: arn:aws:iam::111122223333:role/R\n    ${key}: ${value}`, ONE_CASE),
    )
    expect(issues[0]?.path).toMatch(new RegExp(`^principals\\.p\\.${key}`))
  })

  it('accepts a trust policy with a Principal when it is given as `trustPolicy`', () => {
    const trust =
      '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "111122223333" }, Action: "sts:AssumeRole" } ] }'
    expect(
      load(
        suite(
          `  p:\n    arn: arn:aws:iam::111122223333:role/R\n    trustPolicy: { document: ${trust} }`,
          ONE_CASE,
        ),
      ).ok,
    ).toBe(true)
  })

  it('reports an unknown principal with a suggestion when a case names none', () => {
    const issues = issuesOf(
      suite(
        '  reader: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }',
        ONE_CASE.replace('principal: p', 'principal: readr'),
      ),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unknown-principal',
        path: 'cases[0].principal',
        message: 'unknown principal `readr`; did you mean `reader`?',
        span: expect.objectContaining({ line: 7, column: 16 }),
      }),
    ])
  })

  it('accepts a principal ARN in a case when no entry names it', () => {
    const text = suite(
      '  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }',
      ONE_CASE.replace('principal: p', 'principal: arn:aws:iam::111122223333:user/other'),
    )
    expect(load(text).ok).toBe(true)
  })

  it.each([
    ['an unknown role name', 'nope', 'unknown-principal'],
    ['a principal that is not a role', 'p', 'invalid-value'],
    ['a user ARN', 'arn:aws:iam::111122223333:user/u', 'unknown-principal'],
  ])('reports %s in `via`', (_label, role, code) => {
    const issues = issuesOf(
      suite(
        '  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }',
        `${ONE_CASE}\n    via: [ { role: "${role}" } ]`,
      ),
    )
    expect(issues[0]).toMatchObject({ code, path: 'cases[0].via[0].role' })
  })

  it('reports an unknown group named by a principal', () => {
    const issues = issuesOf(
      suite(
        '  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [], groups: [devs] }',
        ONE_CASE,
        `groups:\n  developers: { policies: [] }`,
      ),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'missing-reference',
        path: 'principals.p.groups[0]',
        message: 'unknown group `devs`',
      }),
    ])
  })

  it('reports duplicate case names with the first line', () => {
    const issues = issuesOf(
      suite('  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [] }', `${ONE_CASE}\n${ONE_CASE}`),
    )
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'duplicate-name',
        path: 'cases[1].name',
        message: 'duplicate case name `c` (first at line 6)',
      }),
    ])
  })

  it.each([
    [
      'a group ARN as a principal',
      '  p: { arn: "arn:aws:iam::111122223333:group/g", policies: [] }',
      'invalid-principal',
    ],
    [
      'a trust policy on a user',
      `  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [], trustPolicy: { document: ${ALLOW_ALL} } }`,
      'invalid-value',
    ],
    [
      'a federated user with neither policies nor federatedFrom',
      '  p: { arn: "arn:aws:sts::111122223333:federated-user/f" }',
      'missing-element',
    ],
    [
      'a policy reference with both file and document',
      `  p: { arn: "arn:aws:iam::111122223333:user/u", policies: [ { file: a.json, document: ${ALLOW_ALL} } ] }`,
      'invalid-value',
    ],
  ])('reports %s', (_label, principals, code) => {
    expect(issuesOf(suite(principals, ONE_CASE))[0]?.code).toBe(code)
  })

  it('reports every problem at once when a suite has many', () => {
    const issues = issuesOf(
      `suite: Bad
principals:
  p:
    arn: arn:aws:iam::111122223333:user/u
    polices: []
    policies: [ { file: missing.json } ]
cases:
  - { name: a, principal: q, action: s3:GetObject, actions: [s3:PutObject], resource: "*", expect: allowed }
  - { name: a, principal: p, action: s3:GetObject, resource: "*", expect: nope }
`,
    )
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'suite'],
      ['unknown-key', 'principals.p.polices'],
      ['missing-reference', 'principals.p.policies[0].file'],
      ['conflicting-elements', 'cases[0]'],
      ['unknown-principal', 'cases[0].principal'],
      ['duplicate-name', 'cases[1].name'],
      ['invalid-value', 'cases[1].expect'],
    ])
  })
})
