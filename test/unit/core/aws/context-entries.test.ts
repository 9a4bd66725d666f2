import { describe, expect, it } from 'vitest'
import { contextKeyType, spellKey, toContextEntries } from '../../../../core/aws/context-entries.ts'
import type { ConditionKeyInfo } from '../../../../core/catalog/types.ts'
import type { ContextValue } from '../../../../core/evaluator/types.ts'

const CATALOG: Record<string, ConditionKeyInfo> = {
  'aws:sourceip': { type: 'ip', multi: false, key: 'aws:SourceIp' },
  'aws:tagkeys': { type: 'string', multi: true, key: 'aws:TagKeys' },
  'aws:principalarn': { type: 'arn', multi: false, key: 'aws:PrincipalArn' },
  'aws:epochtime': { type: 'date', multi: false, key: 'aws:EpochTime' },
}
const lookup = (key: string): ConditionKeyInfo | undefined =>
  key.toLowerCase().startsWith('aws:principaltag/')
    ? { type: 'string', multi: false, key: 'aws:PrincipalTag/${TagKey}' }
    : CATALOG[key.toLowerCase()]

describe('contextKeyType', () => {
  it.each([
    ['string', false, 'string'],
    ['arn', false, 'string'],
    ['arn', true, 'stringList'],
    ['numeric', true, 'numericList'],
    ['date', false, 'date'],
    ['boolean', true, 'booleanList'],
    ['ip', false, 'ip'],
    ['binary', true, 'binaryList'],
    [undefined, false, 'string'],
  ] as const)('maps %s (multi %s) to %s', (type, multi, expected) => {
    expect(contextKeyType(type, multi)).toBe(expected)
  })
})

describe('spellKey', () => {
  it('spells keys as the catalog does, and tag keys as the tags are written', () => {
    const tags = new Map([['costcenter', 'CostCenter']])
    expect(spellKey('aws:sourceip', lookup('aws:sourceip'), tags)).toBe('aws:SourceIp')
    expect(spellKey('aws:principaltag/costcenter', lookup('aws:principaltag/costcenter'), tags)).toBe(
      'aws:PrincipalTag/CostCenter',
    )
    expect(spellKey('aws:principaltag/other', lookup('aws:principaltag/other'), tags)).toBe(
      'aws:PrincipalTag/other',
    )
    expect(spellKey('custom:key', undefined, tags)).toBe('custom:key')
  })
})

describe('toContextEntries', () => {
  it('types every key from the catalog, else the suite, with list types for multivalued keys, sorted', () => {
    const context = new Map<string, ContextValue>([
      ['aws:tagkeys', { values: [], multi: true, type: 'string' }],
      ['aws:sourceip', { values: ['10.0.0.1'], multi: false, type: 'string' }],
      ['aws:principalarn', { values: ['arn:aws:iam::1:user/u'], multi: false, type: 'arn' }],
      ['aws:epochtime', { values: ['1700000000'], multi: false, type: 'numeric' }],
      ['x:flags', { values: ['true', 'false'], multi: true, type: 'boolean' }],
      ['x:plain', { values: ['v'], multi: false }],
    ])
    expect(toContextEntries(context, lookup)).toEqual([
      { ContextKeyName: 'aws:EpochTime', ContextKeyType: 'date', ContextKeyValues: ['1700000000'] },
      {
        ContextKeyName: 'aws:PrincipalArn',
        ContextKeyType: 'string',
        ContextKeyValues: ['arn:aws:iam::1:user/u'],
      },
      { ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['10.0.0.1'] },
      { ContextKeyName: 'aws:TagKeys', ContextKeyType: 'stringList', ContextKeyValues: [] },
      { ContextKeyName: 'x:flags', ContextKeyType: 'booleanList', ContextKeyValues: ['true', 'false'] },
      { ContextKeyName: 'x:plain', ContextKeyType: 'string', ContextKeyValues: ['v'] },
    ])
  })

  it('sends a catalog multivalued key given one value as a list', () => {
    const context = new Map<string, ContextValue>([['aws:tagkeys', { values: ['a'], multi: false }]])
    expect(toContextEntries(context, lookup)[0]!.ContextKeyType).toBe('stringList')
  })
})
