import { describe, expect, it } from 'vitest'
import { decodeBase64 } from '../../../../../core/evaluator/conditions/operators/base64.ts'
import { parseDateValue } from '../../../../../core/evaluator/conditions/operators/date-value.ts'

const utc = (iso: string): number => Date.parse(iso)

describe('parseDateValue', () => {
  it.each([
    ['2024', utc('2024-01-01T00:00:00Z')],
    ['2024-02', utc('2024-02-01T00:00:00Z')],
    ['2024-02-29', utc('2024-02-29T00:00:00Z')],
    ['2000-02-29', utc('2000-02-29T00:00:00Z')],
    ['2024-02-29T10:30Z', utc('2024-02-29T10:30:00Z')],
    ['2024-02-29T10:30:15+01:00', utc('2024-02-29T09:30:15Z')],
    ['2024-02-29T10:30:15.25-0130', utc('2024-02-29T12:00:15.250Z')],
    ['2024-02-29T10:30:15', utc('2024-02-29T10:30:15Z')],
    ['1969-12-31T23:59:59Z', -1000],
    ['0', 0],
    ['1704067200', utc('2024-01-01T00:00:00Z')],
    ['1.5', 1500],
  ])('reads %s when it is a W3C date or epoch seconds', (text, expected) => {
    expect(parseDateValue(text)).toBe(expected)
  })

  it.each([
    '',
    'yesterday',
    '2024-13',
    '2024-00-10',
    '2023-02-29',
    '1900-02-29',
    '2024-1-1',
    '2024-01-01T25:00Z',
    '2024-01-01T10:60Z',
    '2024-01-01T10Z',
    '2024-01-01T10:00+24:00',
    '2024-01-01 10:00Z',
    '-5',
  ])('rejects %s when it is neither', (text) => {
    expect(parseDateValue(text)).toBeUndefined()
  })
})

describe('decodeBase64', () => {
  it.each([
    ['', ''],
    ['YQ==', 'a'],
    ['YQ', 'a'],
    ['YWI=', 'ab'],
    ['YWJj', 'abc'],
    ['/+8=', '\xff\xef'],
  ])('decodes %s when it is base64', (text, expected) => {
    expect(decodeBase64(text)).toBe(expected)
  })

  it.each(['Y', 'YQ=', 'Y===', 'YW!j', 'YW J', 'ä'])('rejects %s when it is not base64', (text) => {
    expect(decodeBase64(text)).toBeUndefined()
  })
})
