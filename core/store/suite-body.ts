/**
 * Suite text in a version item: as a string when small, gzipped when large (the API accepts bodies up to
 * 1 MB, an item holds at most 400 KB).
 * @module
 */
import { Buffer } from 'node:buffer'
import { gunzipSync, gzipSync } from 'node:zlib'
import { byteLength } from './item-size.ts'
import { InvalidInputError } from './repository.ts'
import type { Item } from './store-context.ts'

const PLAIN_LIMIT = 200 * 1024
const GZIP_LIMIT = 350 * 1024

/** The attributes that hold a body */
export const bodyAttributes = (body: string): { body: string } | { bodyGz: Uint8Array } => {
  if (byteLength(body) <= PLAIN_LIMIT) return { body }
  const bodyGz = gzipSync(Buffer.from(body, 'utf8'))
  if (bodyGz.byteLength > GZIP_LIMIT)
    throw new InvalidInputError(`the suite body is too large to store (${bodyGz.byteLength} bytes gzipped)`)
  return { bodyGz }
}

/** The body of a version item */
export const readBody = (item: Item): string => {
  if (typeof item.body === 'string') return item.body
  if (item.bodyGz instanceof Uint8Array) return gunzipSync(item.bodyGz).toString('utf8')
  return ''
}
