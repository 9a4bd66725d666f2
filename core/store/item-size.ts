/**
 * DynamoDB item size as DynamoDB counts it: attribute names plus values (strings as UTF-8, numbers about
 * one byte per two digits plus one, lists and maps 3 bytes plus one per element), against the 400 KB limit.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 * @module
 */

/** The hard limit of one item */
export const MAX_ITEM_BYTES = 400 * 1024

const utf8 = new TextEncoder()

/** UTF-8 length of a string */
export const byteLength = (text: string): number => utf8.encode(text).length

/** Size of one attribute value (an upper bound for numbers) */
export const valueSize = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1
  if (typeof value === 'string') return byteLength(value)
  if (typeof value === 'number') return Math.ceil(String(value).replace(/[-.]/g, '').length / 2) + 1
  if (value instanceof Uint8Array) return value.byteLength
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0)
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0)
  if (typeof value === 'object')
    return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + byteLength(k) + valueSize(v), 0)
  return byteLength(String(value))
}

/** Size of a whole item */
export const itemSize = (item: Readonly<Record<string, unknown>>): number =>
  Object.entries(item).reduce(
    (sum, [k, v]) => (v === undefined ? sum : sum + byteLength(k) + valueSize(v)),
    0,
  )
