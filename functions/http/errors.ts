/**
 * The API's own error classes, one per status it answers with besides the store's Conflict and
 * NotFound errors. The error middleware is the only place that turns errors into responses.
 * @module
 */
import type { Issue } from '../../core/policy/index.ts'

/** The `error.code` values of docs/api.md */
export type ApiErrorCode =
  | 'invalid-body'
  | 'unauthorized'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'internal'

/** An error that is an HTTP answer */
export class HttpError extends Error {
  /** The HTTP status */
  readonly statusCode: number
  /** The API error code */
  readonly code: ApiErrorCode
  override readonly name: string = 'HttpError'
  constructor(statusCode: number, code: ApiErrorCode, message: string) {
    super(message)
    this.statusCode = statusCode
    this.code = code
  }
}

/** 400: a body that is not valid JSON/YAML, or fails the schema or policy validation */
export class BadRequestError extends HttpError {
  override readonly name = 'BadRequestError'
  /** Every problem found, with paths and positions */
  readonly issues: readonly Issue[]
  constructor(message: string, issues: readonly Issue[] = []) {
    super(400, 'invalid-body', message)
    this.issues = issues
  }
}

/** 401: a missing, malformed or unknown token */
export class UnauthorizedError extends HttpError {
  override readonly name = 'UnauthorizedError'
  constructor(message = 'missing or invalid bearer token') {
    super(401, 'unauthorized', message)
  }
}

/** 413: a body over the limit */
export class PayloadTooLargeError extends HttpError {
  override readonly name = 'PayloadTooLargeError'
  constructor(message: string) {
    super(413, 'too-large', message)
  }
}

/** 415: a body of a content type the route does not take */
export class UnsupportedMediaTypeError extends HttpError {
  override readonly name = 'UnsupportedMediaTypeError'
  constructor(message: string) {
    super(415, 'unsupported-media-type', message)
  }
}

/** A one-issue list for a problem with one field of a JSON body */
export const fieldIssue = (path: string, message: string): Issue[] => [
  { code: 'invalid-value', message, path, severity: 'error' },
]

/** Issues for keys a JSON body may not have */
export const unknownKeyIssues = (keys: readonly string[]): Issue[] =>
  keys.map((k) => ({ code: 'unknown-key', message: `unknown key \`${k}\``, path: k, severity: 'error' }))
