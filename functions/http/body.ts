/**
 * Request bodies: the 1 MB limit (413), content types (415), and parsing JSON ourselves so that a
 * malformed body is a 400 with the line and column (middy's JSON parser answers 415 for it).
 * Suite texts are parsed by the suite loader, which reports YAML and JSON problems the same way.
 * @module
 */
import { parseJsonSource } from '../../core/policy/index.ts'
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.ts'
import type { ApiEvent } from './types.ts'

/** The largest body the API takes */
export const MAX_BODY_BYTES = 1024 * 1024

/** How a suite text is written */
export type TextFormat = 'json' | 'yaml'

const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'])

/** The media type of the request, lower-cased, without parameters */
export const mediaTypeOf = (event: ApiEvent): string | undefined =>
  event.headers?.['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined

/** The format a media type names, if it is JSON or YAML */
export const formatOfMediaType = (mediaType: string | undefined): TextFormat | undefined => {
  if (!mediaType) return undefined
  if (mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType)) return 'json'
  return YAML_TYPES.has(mediaType) ? 'yaml' : undefined
}

/** The body as text (base64 bodies decoded); 413 over the limit, '' when absent */
export const bodyText = (event: ApiEvent): string => {
  if (event.body === undefined || event.body === null || event.body === '') return ''
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : undefined
  const size = bytes ? bytes.length : Buffer.byteLength(event.body, 'utf8')
  if (size > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`the body is ${size} bytes, over the limit of ${MAX_BODY_BYTES}`)
  }
  return bytes ? bytes.toString('utf8') : event.body
}

/** A suite text with its format: JSON or YAML by content type (415 otherwise), never empty */
export const readSuiteBody = (event: ApiEvent): { readonly text: string; readonly format: TextFormat } => {
  const text = bodyText(event)
  const format = formatOfMediaType(mediaTypeOf(event))
  if (!format) {
    throw new UnsupportedMediaTypeError(
      'a suite must be sent as `application/json`, `application/yaml` or `text/yaml`',
    )
  }
  if (text.trim() === '') throw new BadRequestError('the body is empty')
  return { text, format }
}

/** Parses JSON text; a syntax error is a 400 with its line and column */
export const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown
  } catch {
    const parsed = parseJsonSource(text)
    const issues = parsed.ok ? [] : parsed.issues
    throw new BadRequestError('the body is not valid json', issues)
  }
}

/**
 * A JSON body (415 for another content type). With `optional`, an absent body is undefined and needs
 * no content type
 */
export const readJsonBody = (event: ApiEvent, options: { readonly optional?: boolean } = {}): unknown => {
  const text = bodyText(event)
  if (text.trim() === '' && options.optional) return undefined
  if (formatOfMediaType(mediaTypeOf(event)) !== 'json') {
    throw new UnsupportedMediaTypeError('the body must be sent as `application/json`')
  }
  if (text.trim() === '') throw new BadRequestError('the body is empty')
  return parseJsonText(text)
}

/** Guesses a suite text's format when no content type says it: JSON if it parses as JSON, else YAML */
export const guessFormat = (text: string): TextFormat => {
  if (!/^\s*[{[]/.test(text)) return 'yaml'
  try {
    JSON.parse(text)
    return 'json'
  } catch {
    return 'yaml'
  }
}
