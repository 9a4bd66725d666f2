/**
 * Query string and path parameters: paging, filters and ids, each checked (a bad value is a 400, a
 * malformed id a 404 like any unknown one).
 * @module
 */
import { NotFoundError } from '../../core/store/repository.ts'
import { BadRequestError, fieldIssue } from './errors.ts'
import type { ApiEvent } from './types.ts'

/** A query string parameter, if present and not empty */
export const queryParam = (event: ApiEvent, name: string): string | undefined => {
  const value = event.queryStringParameters?.[name]
  return value === undefined || value === '' ? undefined : value
}

/** `limit` and `cursor` of a listing; limit must be an integer from 1 to `max` */
export const pageParams = (
  event: ApiEvent,
  defaults: { readonly limit: number; readonly max: number },
): { readonly limit: number; readonly cursor?: string } => {
  const raw = queryParam(event, 'limit')
  const limit = raw === undefined ? defaults.limit : Number(raw)
  if (!Number.isInteger(limit) || limit < 1 || limit > defaults.max) {
    throw new BadRequestError(
      `invalid limit \`${raw}\``,
      fieldIssue('limit', `limit must be an integer from 1 to ${defaults.max}`),
    )
  }
  const cursor = queryParam(event, 'cursor')
  return cursor === undefined ? { limit } : { limit, cursor }
}

/** A boolean query parameter (`true` or `false`) */
export const booleanParam = (event: ApiEvent, name: string): boolean | undefined => {
  const raw = queryParam(event, name)
  if (raw === undefined) return undefined
  if (raw === 'true' || raw === 'false') return raw === 'true'
  throw new BadRequestError(`invalid ${name} \`${raw}\``, fieldIssue(name, `${name} must be true or false`))
}

/** An enumerated query parameter */
export const choiceParam = <T extends string>(
  event: ApiEvent,
  name: string,
  choices: readonly T[],
): T | undefined => {
  const raw = queryParam(event, name)
  if (raw === undefined) return undefined
  if ((choices as readonly string[]).includes(raw)) return raw as T
  throw new BadRequestError(
    `invalid ${name} \`${raw}\``,
    fieldIssue(name, `${name} must be one of ${choices.map((c) => `\`${c}\``).join(', ')}`),
  )
}

const SUITE_ID = /^[a-z0-9][a-z0-9-]*$/
const OPAQUE_ID = /^[A-Za-z0-9_-]{1,100}$/

const pathParam = (event: ApiEvent, name: string): string => {
  const raw = event.pathParameters?.[name] ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** Checks a suite id as given in a request; a malformed id is unknown (404) */
export const knownSuiteId = (id: string): string => {
  if (id.length > 128 || !SUITE_ID.test(id)) throw new NotFoundError(`suite \`${id}\` not found`)
  return id
}

/** The `{id}` of a suite route; a malformed id is unknown (404) */
export const suiteIdParam = (event: ApiEvent, name = 'id'): string => knownSuiteId(pathParam(event, name))

/** The `{id}` of a run or team route; a malformed id is unknown (404) */
export const opaqueIdParam = (event: ApiEvent, what: string, name = 'id'): string => {
  const id = pathParam(event, name)
  if (!OPAQUE_ID.test(id)) throw new NotFoundError(`${what} \`${id}\` not found`)
  return id
}

/** A positive integer path parameter (a version); anything else is unknown (404) */
export const versionParam = (event: ApiEvent, name = 'version'): number => {
  const raw = pathParam(event, name)
  const n = Number(raw)
  if (!/^\d{1,9}$/.test(raw) || n < 1) throw new NotFoundError(`version \`${raw}\` not found`)
  return n
}
