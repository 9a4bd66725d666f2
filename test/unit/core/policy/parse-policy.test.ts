import { describe, expect, it } from 'vitest'
import {
  decodePolicyDocumentText,
  parsePolicyNode,
  parsePolicyText,
  parsePolicyValue,
} from '../../../../core/policy/parse-policy.ts'
import { fromPlainValue, NO_SPAN, type SourceNode } from '../../../../core/policy/source-node.ts'

const POLICY =
  '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}'
const ENCODED = encodeURIComponent(POLICY)

describe('decodePolicyDocumentText', () => {
  it.each([
    ['URL-encoded text as the IAM API returns it', ENCODED, POLICY],
    ['lowercase escapes', ENCODED.replace(/%7B/g, '%7b'), POLICY],
    ['leading whitespace before the escape', `  ${ENCODED}`, `  ${POLICY}`],
    ['plain JSON', POLICY, POLICY],
    ['JSON that holds a percent sign', '{"a":"100%7B"}', '{"a":"100%7B"}'],
    ['encoded text that starts with encoded whitespace', `%20${ENCODED}`, ` ${POLICY}`],
    ['text that decodes to something other than JSON', 'hello%20world', 'hello%20world'],
    ['text with a broken escape', '%7B%ZZ', '%7B%ZZ'],
  ])('handles %s when decoding', (_name, text, expected) => {
    expect(decodePolicyDocumentText(text)).toBe(expected)
  })
})

describe('parsePolicyText', () => {
  it('parses and validates JSON text when it is a valid policy', () => {
    const result = parsePolicyText(POLICY, 'identity')
    expect(result).toMatchObject({
      ok: true,
      value: { version: '2012-10-17', statements: [{ effect: 'Allow' }] },
    })
  })

  it('decodes URL-encoded text when it comes from the IAM API', () => {
    expect(parsePolicyText(ENCODED, 'identity')).toMatchObject({
      ok: true,
      value: { statements: [{ action: ['s3:GetObject'] }] },
    })
  })

  it('returns the syntax issue when the text is not JSON', () => {
    expect(parsePolicyText('{"Version": }', 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'syntax', span: { line: 1, column: 13 } }],
    })
  })

  it('returns validation issues when the JSON is not a valid policy', () => {
    expect(parsePolicyText('{"Statement": {"Effect": "Allow"}}', 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'missing-element' }, { code: 'missing-element' }],
    })
  })

  it('rejects duplicate keys when the JSON repeats one', () => {
    const text = '{"Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}'
    expect(parsePolicyText(text, 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'duplicate-key', path: 'Statement.Effect' }],
    })
  })
})

describe('parsePolicyValue', () => {
  it('validates a plain object with spans set to NO_SPAN when given one', () => {
    const result = parsePolicyValue(JSON.parse(POLICY), 'identity')
    expect(result.ok && result.value.statements[0]!.span).toEqual(NO_SPAN)
  })

  it('parses a string as policy JSON when given text', () => {
    expect(parsePolicyValue(ENCODED, 'identity').ok).toBe(true)
  })

  it.each([null, undefined, 42, ['x']])('reports wrong-type when given %j', (value) => {
    expect(parsePolicyValue(value, 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'wrong-type', path: '' }],
    })
  })
})

describe('parsePolicyNode', () => {
  const at = { line: 7, column: 9, endLine: 7, endColumn: 30 }
  const stringNode = (value: string): SourceNode => ({ kind: 'string', value, span: at })

  it('validates an object node when given a source tree', () => {
    expect(parsePolicyNode(fromPlainValue(JSON.parse(POLICY)), 'identity').ok).toBe(true)
  })

  it('parses a string node as policy JSON and points the document at the string when it is valid', () => {
    const result = parsePolicyNode(stringNode(POLICY), 'identity')
    expect(result.ok && result.value.statements[0]!.span).toEqual(at)
  })

  it('points issues at the string when the embedded JSON is invalid', () => {
    expect(parsePolicyNode(stringNode('{"Statement": '), 'identity')).toMatchObject({
      ok: false,
      issues: [{ code: 'syntax', span: at }],
    })
    expect(parsePolicyNode(stringNode('{"Statement": {"Effect": "Allow"}}'), 'identity')).toMatchObject({
      ok: false,
      issues: [
        { code: 'missing-element', span: at },
        { code: 'missing-element', span: at },
      ],
    })
  })
})
