/**
 * The store's pure helpers: sortable ids, item sizes, page packing, cursors and the table's key names.
 * @module
 */
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, isStringKey } from '../../../../core/store/cursor.ts'
import { createIdFactory, encodeIdTime, idFloor, idTime } from '../../../../core/store/ids.ts'
import { itemSize } from '../../../../core/store/item-size.ts'
import { InvalidInputError } from '../../../../core/store/repository.ts'
import { packPages, unpackPage } from '../../../../core/store/result-pages.ts'
import { createTableInput, TABLE_KEYS } from '../../../../core/store/table.ts'
import { makeResults } from '../../../integration/store/fixtures.ts'

describe('store helpers', () => {
  it('makes strictly increasing ids when many are made in one millisecond', () => {
    const next = createIdFactory(() => 1_700_000_000_000)
    const ids = Array.from({ length: 1000 }, next)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(1000)
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true)
    expect(idTime(ids[0]!)).toBe(1_700_000_000_000)
    expect(idFloor(1_700_000_000_000) <= ids[0]!).toBe(true)
    expect(encodeIdTime(1_700_000_000_001) > ids[999]!.slice(0, 10)).toBe(true)
  })

  it('packs results into pages under the byte budget when given many', () => {
    const results = makeResults(0, 3000)
    const pages = packPages(results, 100 * 1024)
    expect(pages.every((p) => p.bytes <= 100 * 1024 && Buffer.byteLength(p.json) === p.bytes)).toBe(true)
    expect(pages.flatMap((p) => unpackPage(p.json))).toEqual(results)
    expect(packPages([])).toEqual([])
    expect(() => packPages(['x'.repeat(500 * 1024)])).toThrow(InvalidInputError)
  })

  it('sizes items as DynamoDB counts them when attributes are strings, numbers and maps', () => {
    expect(itemSize({ pk: 'abc', n: 12345 })).toBe(2 + 3 + 1 + 4)
    expect(itemSize({ m: { a: 'xy' } })).toBe(1 + 3 + 1 + 1 + 2)
  })

  it('round-trips cursors and refuses ones it did not make when decoding', () => {
    const key = { pk: 'T#a#SUITES', sk: 'S#x' }
    expect(decodeCursor(encodeCursor(key), isStringKey)).toEqual(key)
    expect(() => decodeCursor('%%%', isStringKey)).toThrow(InvalidInputError)
    expect(() => decodeCursor(encodeCursor([1]), isStringKey)).toThrow(InvalidInputError)
  })

  it('names the keys the infrastructure must declare when creating the table', () => {
    expect(TABLE_KEYS).toEqual({
      pk: 'pk',
      sk: 'sk',
      gsi: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
      ttl: 'expiresAt',
    })
    const input = createTableInput('t')
    expect(input.KeySchema?.map((k) => k.AttributeName)).toEqual(['pk', 'sk'])
    expect(input.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('gsi1')
  })
})
