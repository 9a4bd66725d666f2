/**
 * Opaque paging cursors: a JSON value in base64url. Callers pass them back unchanged; a cursor that does not
 * decode to the expected shape is an InvalidInputError.
 * @module
 */
import { Buffer } from 'node:buffer'
import { InvalidInputError } from './repository.ts'

/** Encodes a cursor value (a LastEvaluatedKey, a page position) */
export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

/** Decodes a cursor made by `encodeCursor` and checks it with `isShape` */
export const decodeCursor = <T>(cursor: string, isShape: (value: unknown) => value is T): T => {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidInputError('invalid cursor')
  }
  if (!isShape(value)) throw new InvalidInputError('invalid cursor')
  return value
}

/** True for a DynamoDB key made only of string attributes (every key of this table) */
export const isStringKey = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string')
