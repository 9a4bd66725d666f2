import { describe, expect, it } from 'vitest'
import { toConditionKeyInfo } from '../../../../core/catalog/key-type.ts'

describe('toConditionKeyInfo', () => {
  it.each([
    ['String', 'string', false],
    ['ArrayOfString', 'string', true],
    ['Numeric', 'numeric', false],
    ['Long', 'numeric', false],
    ['Date', 'date', false],
    ['Bool', 'boolean', false],
    ['Boolean', 'boolean', false],
    ['ArrayOfBool', 'boolean', true],
    ['IPAddress', 'ip', false],
    ['ARN', 'arn', false],
    ['ArrayOfARN', 'arn', true],
    ['Binary', 'binary', false],
    ['SomethingNew', 'string', false],
  ])('maps `%s` to %s (multi %s) when given that catalog type', (catalogType, type, multi) => {
    expect(toConditionKeyInfo(catalogType)).toEqual({ type, multi })
  })

  it('keeps the key spelling when one is given', () => {
    expect(toConditionKeyInfo('String', 's3:prefix')).toEqual({
      type: 'string',
      multi: false,
      key: 's3:prefix',
    })
  })
})
