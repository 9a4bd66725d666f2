import { describe, expect, it } from 'vitest'
import type { Issue } from '../../../../core/policy/issue.ts'
import { formatPath, parseJsonSource } from '../../../../core/policy/parse-json.ts'
import type { SourceNode } from '../../../../core/policy/source-node.ts'
import { toPlainValue } from '../../../../core/policy/source-node.ts'

const parse = (text: string): SourceNode => {
  const result = parseJsonSource(text)
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return result.value
}

const issuesOf = (text: string): readonly Issue[] => {
  const result = parseJsonSource(text)
  if (result.ok) throw new Error('expected a failure')
  return result.issues
}

const member = (node: SourceNode, key: string) => {
  if (node.kind !== 'object') throw new Error('not an object')
  const entry = node.entries.find((e) => e.key === key)
  if (!entry) throw new Error(`no ${key}`)
  return entry
}

describe('parseJsonSource', () => {
  it.each([
    ['{}', {}],
    ['[]', []],
    ['"x"', 'x'],
    ['0', 0],
    ['-12.5e+3', -12500],
    ['true', true],
    ['false', false],
    ['null', null],
    ['{"a":[1,{"b":null}],"c":"d"}', { a: [1, { b: null }], c: 'd' }],
    [' \t\r\n{ "a" : [ ] } \n', { a: [] }],
  ])('parses %s like JSON.parse when the text is valid', (text, expected) => {
    expect(toPlainValue(parse(text))).toEqual(expected)
  })

  it('gives every value and key a 1-based span with an exclusive end when parsing multi-line text', () => {
    const root = parse('{\n  "Version": "2012-10-17",\n  "List": [1, true]\n}')
    expect(root.span).toEqual({ line: 1, column: 1, endLine: 4, endColumn: 2 })
    const version = member(root, 'Version')
    expect(version.keySpan).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 12 })
    expect(version.value.span).toEqual({ line: 2, column: 14, endLine: 2, endColumn: 26 })
    const list = member(root, 'List').value
    expect(list.span).toEqual({ line: 3, column: 11, endLine: 3, endColumn: 20 })
    if (list.kind !== 'array') throw new Error('not an array')
    expect(list.items[1]!.span).toEqual({ line: 3, column: 15, endLine: 3, endColumn: 19 })
  })

  it('counts CRLF and lone CR as one line break when computing lines', () => {
    const root = parse('{\r\n"a":\r1,\r\n"b": 2}')
    expect(member(root, 'a').value.span.line).toBe(3)
    expect(member(root, 'b').keySpan).toMatchObject({ line: 4, column: 1 })
  })

  it('keeps the raw text of numbers when they have exponents or trailing zeros', () => {
    const node = parse('[1.50, 1E3, -0, 123456789012345678901]')
    if (node.kind !== 'array') throw new Error('not an array')
    expect(node.items.map((n) => (n.kind === 'number' ? n.raw : ''))).toEqual([
      '1.50',
      '1E3',
      '-0',
      '123456789012345678901',
    ])
    expect(node.items[1]).toMatchObject({ kind: 'number', value: 1000 })
  })

  it('keeps boolean and null raw text when parsing literals', () => {
    expect(parse('true')).toMatchObject({ kind: 'boolean', value: true, raw: 'true' })
    expect(parse('null')).toMatchObject({ kind: 'null', raw: 'null' })
  })

  it.each([
    ['"a\\"b"', 'a"b'],
    ['"\\\\ \\/ \\b \\f \\n \\r \\t"', '\\ / \b \f \n \r \t'],
    ['"\\u0041\\u00e9"', 'Aé'],
    ['"\\uD83D\\uDE00"', '😀'],
    ['"é 😀 中"', 'é 😀 中'],
    ['"plain"', 'plain'],
    ['""', ''],
  ])('decodes %s when it holds escapes or unicode', (text, expected) => {
    expect(parse(text)).toMatchObject({ kind: 'string', value: expected })
  })

  it('counts columns in UTF-16 code units when a line holds non-ASCII text', () => {
    const root = parse('{"a": "😀", "b": 1}')
    expect(member(root, 'b').keySpan.column).toBe(13)
  })

  it('skips a byte-order mark when the text starts with one', () => {
    const root = parse('\uFEFF{"a": 1}')
    expect(root.span.column).toBe(1)
    expect(member(root, 'a').keySpan.column).toBe(2)
  })

  it.each([
    ['', 1, 1, 'unexpected end of input'],
    ['{', 1, 2, 'unexpected end of input'],
    ['{"a": 1,}', 1, 9, 'trailing comma'],
    ['[1, 2,]', 1, 7, 'trailing comma'],
    ['{"a" 1}', 1, 6, 'expected `:`'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected `,` or `}`'],
    ['[1 2]', 1, 4, 'expected `,` or `]`'],
    ["{'a': 1}", 1, 2, 'double quotes'],
    ['{"a": 1} // x', 1, 10, 'after the end'],
    ['// c\n{}', 1, 1, 'comments are not allowed'],
    ['{\n  "a": tru\n}', 2, 8, 'unexpected `t`'],
    ['{"a": 01}', 1, 8, 'leading zeros'],
    ['{"a": 1.}', 1, 9, 'digit after `.`'],
    ['{"a": 1e}', 1, 9, 'exponent'],
    ['{"a": -}', 1, 8, 'expected a digit'],
    ['{"a": "x\n"}', 1, 9, 'line break inside a string'],
    ['"tab\there"', 1, 5, 'control character'],
    ['"bad \\x escape"', 1, 6, 'invalid escape `\\x`'],
    ['"bad \\u12G4"', 1, 6, 'unicode escape'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{1: 2}', 1, 2, 'string key'],
    ['[1]]', 1, 4, 'after the end'],
  ])('reports a syntax error at the exact position when the text is %j', (text, line, column, message) => {
    const issues = issuesOf(text)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'syntax', severity: 'error', span: { line, column } })
    expect(issues[0]!.message).toContain(message)
  })

  it('names the path of the value being parsed when a syntax error is inside it', () => {
    const issues = issuesOf('{"Statement": [{"Effect": "Allow", "Action": [1, tru]}]}')
    expect(issues[0]!.path).toBe('Statement[0].Action[1]')
  })

  it('reports every duplicate key with its own span and path when an object repeats keys', () => {
    const issues = issuesOf('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}')
    expect(issues.map((i) => [i.code, i.path, i.span?.column])).toEqual([
      ['duplicate-key', 'b.c', 24],
      ['duplicate-key', 'a', 33],
    ])
  })

  it('accepts the same key in different objects when they are siblings', () => {
    expect(parseJsonSource('[{"a": 1}, {"a": 2}]').ok).toBe(true)
  })

  it('reports duplicates found before a syntax error together with it', () => {
    const issues = issuesOf('{"a": 1, "a": 2, }')
    expect(issues.map((i) => i.code)).toEqual(['duplicate-key', 'syntax'])
  })

  it('fails cleanly instead of overflowing the stack when nesting is absurdly deep', () => {
    const issues = issuesOf('['.repeat(10_000) + ']'.repeat(10_000))
    expect(issues[0]).toMatchObject({ code: 'syntax' })
    expect(issues[0]!.message).toContain('nesting')
  })

  it('parses a large snapshot in linear time when the input is about a megabyte', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
      ],
    }
    const roles = Array.from({ length: 3000 }, (_, i) => ({
      RoleName: `role-${i}`,
      Arn: `arn:aws:iam::123456789012:role/role-${i}`,
      Tags: [{ Key: 'team', Value: `t\u00e9am ${i} \\ "q"` }],
      Policy: policy,
      Size: i * 1.5,
    }))
    const text = JSON.stringify({ Roles: roles }, null, 2)
    expect(text.length).toBeGreaterThan(800_000)
    const started = performance.now()
    const node = parse(text)
    const elapsed = performance.now() - started
    expect(toPlainValue(node)).toEqual(JSON.parse(text))
    expect(elapsed).toBeLessThan(2_000)
  })
})

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets when given a mixed path', () => {
    expect(formatPath(['Statement', 0, 'Condition', 'StringLike'])).toBe('Statement[0].Condition.StringLike')
    expect(formatPath([1, 'a'])).toBe('[1].a')
    expect(formatPath([])).toBe('')
  })
})
