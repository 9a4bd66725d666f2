import { describe, expect, it } from 'vitest'
import type { SourceNode } from '../../../../core/policy/source-node.ts'
import { parseYamlSource } from '../../../../core/suite/yaml-source.ts'

const parse = (text: string): SourceNode => {
  const result = parseYamlSource(text)
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.value
}

const entry = (node: SourceNode, key: string) => {
  if (node.kind !== 'object') throw new Error('not an object')
  const found = node.entries.find((e) => e.key === key)
  if (!found) throw new Error(`no key ${key}`)
  return found
}

describe('parseYamlSource', () => {
  it.each([
    ['Null', 'Null: { aws:TokenIssueTime: true }'],
    ['null', 'null: 1'],
    ['true', 'true: 1'],
    ['False', 'False: 1'],
    ['1.50', '1.50: x'],
    ['~', '~: x'],
    ['quoted key', '"quoted key": x'],
  ])('takes the key %j literally when it is written that way', (key, text) => {
    const root = parse(text)
    expect(root.kind).toBe('object')
    expect(entry(root, key).key).toBe(key)
  })

  it.each([
    ['1.50', { kind: 'number', value: 1.5, raw: '1.50' }],
    ['0x1F', { kind: 'number', value: 31, raw: '0x1F' }],
    ['True', { kind: 'boolean', value: true, raw: 'True' }],
    ['~', { kind: 'null', raw: '~' }],
    ['yes', { kind: 'string', value: 'yes' }],
    ['2012-10-17', { kind: 'string', value: '2012-10-17' }],
    ['"007"', { kind: 'string', value: '007' }],
  ])('keeps the raw text of the scalar %s', (text, expected) => {
    expect(entry(parse(`v: ${text}`), 'v').value).toMatchObject(expected)
  })

  it('gives 1-based spans with an exclusive end when values are nested', () => {
    const root = parse('a:\n  b: [x, yz]\n')
    const b = entry(entry(root, 'a').value, 'b')
    expect(b.keySpan).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 4 })
    expect(b.value.span).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 13 })
    if (b.value.kind !== 'array') throw new Error('not an array')
    expect(b.value.items[1]!.span).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 12 })
  })

  it('ends a block mapping at its last character when a newline follows', () => {
    expect(parse('a: 1\nb: 2\n\n').span).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 5 })
  })

  it('resolves aliases when a document reuses an anchor', () => {
    const root = parse('a: &x { k: v }\nb: *x\n')
    expect(entry(root, 'b').value).toMatchObject({ kind: 'object', entries: [{ key: 'k' }] })
  })

  it('reads an empty value as null when a key has none', () => {
    expect(entry(parse('a:\nb: 1\n'), 'a').value).toMatchObject({ kind: 'null' })
  })

  it('reports a duplicate key with both lines when a key repeats', () => {
    const result = parseYamlSource('a: 1\nb:\n  c: 1\n  c: 2\n', { file: 's.yaml' })
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: 'duplicate-key',
          path: 'b.c',
          file: 's.yaml',
          message: 'duplicate key `c` (first at line 3)',
          span: expect.objectContaining({ line: 4, column: 3 }),
        }),
      ],
    })
  })

  it('keeps `Null` and `null` apart when both are keys', () => {
    const root = parse('Null: 1\nnull: 2\n')
    expect(root.kind === 'object' && root.entries.map((e) => e.key)).toEqual(['Null', 'null'])
  })

  it.each([
    ['an unclosed flow sequence', 'a: [1, 2\nb: c\n', 2, 1],
    ['a nested compact mapping', 'a: b: c\n', 1, 4],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n', 3, 1],
  ])('reports %s as a syntax issue with its line and column', (_label, text, line, column) => {
    const result = parseYamlSource(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toMatchObject({ code: 'syntax', severity: 'error', span: { line, column } })
    expect(result.issues[0]!.message).toMatch(/^[a-z]/)
  })

  it.each([
    ['an unknown tag', 'a: !custom x\n', 'syntax'],
    ['an infinite number', 'a: .inf\n', 'invalid-value'],
    ['a mapping as a key', '? { a: 1 }\n: x\n', 'syntax'],
  ])('reports %s as ambiguous when it cannot be read as IAM JSON', (_label, text, code) => {
    const result = parseYamlSource(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]!.code).toBe(code)
  })
})
