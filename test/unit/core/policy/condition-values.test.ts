import { describe, expect, it } from 'vitest'
import type { OperatorFamily } from '../../../../core/policy/condition-operators.ts'
import {
  type ConditionValueKind,
  checkConditionValue,
  isIpOrCidr,
  isIsoDate,
} from '../../../../core/policy/condition-values.ts'

describe('isIsoDate', () => {
  it.each([
    '2026',
    '2026-07',
    '2026-07-30',
    '2026-07-30T12:00Z',
    '2026-07-30T12:00:59Z',
    '2026-07-30T12:00:59.123Z',
    '2026-07-30T12:00:59+02:00',
    '2026-07-30T12:00:59-05:30',
    '2026-07-30T12:00:00',
  ])('accepts %s when it follows the W3C profile', (text) => {
    expect(isIsoDate(text)).toBe(true)
  })

  it.each([
    '26-07-30',
    '2026-13-01',
    '2026-07-32',
    '2026-07-30T25:00Z',
    '2026-07-30T12Z',
    '2026/07/30',
    '2026-07-30 12:00:00Z',
    '2026-07-30T12:00:00+0200',
    'yesterday',
    '',
  ])('rejects %j when it is not a W3C date', (text) => {
    expect(isIsoDate(text)).toBe(false)
  })
})

describe('isIpOrCidr', () => {
  it.each(['203.0.113.0/24', '203.0.113.7', '0.0.0.0/0', '2001:DB8:1234:5678::/64', '::1', '2001:db8::1'])(
    'accepts %s when it is an address or block',
    (text) => expect(isIpOrCidr(text)).toBe(true),
  )

  it.each(['203.0.113.0/33', '999.1.1.1', '10', '10.0.0', 'example.com', '2001:db8::/129', ''])(
    'rejects %j when it is not an address or block',
    (text) => expect(isIpOrCidr(text)).toBe(false),
  )
})

describe('checkConditionValue', () => {
  it.each<[OperatorFamily, string, ConditionValueKind, boolean]>([
    ['numeric', '10', 'string', true],
    ['numeric', '-1.5', 'number', true],
    ['numeric', '1e3', 'number', true],
    ['numeric', 'ten', 'string', false],
    ['numeric', 'true', 'boolean', false],
    ['date', '2026-01-01T00:00:00Z', 'string', true],
    ['date', '1700000000', 'number', true],
    ['date', '1700000000', 'string', true],
    ['date', '2026-01-*', 'string', false],
    ['date', 'true', 'boolean', false],
    ['boolean', 'true', 'string', true],
    ['boolean', 'FALSE', 'string', true],
    ['boolean', 'true', 'boolean', true],
    ['boolean', 'yes', 'string', false],
    ['boolean', '1', 'number', false],
    ['null', 'True', 'string', true],
    ['null', 'maybe', 'string', false],
    ['ip', '10.0.0.0/8', 'string', true],
    ['ip', '10.0.0.0/80', 'string', false],
    ['string', 'anything *', 'string', true],
    ['arn', 'arn:aws:*', 'string', true],
    ['binary', 'QmluYXJ5', 'string', true],
  ])('judges a %s value %j (%s) valid=%s', (family, text, kind, valid) => {
    expect(checkConditionValue(family, text, kind) === undefined).toBe(valid)
  })
})
