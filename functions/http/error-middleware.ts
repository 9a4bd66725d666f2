/**
 * The one error middleware: every error a route throws becomes `{ error: { code, message, issues? } }`
 * with its status. Typed errors map to 400/401/404/409/413/415; anything else is a 500 and is logged.
 * @module
 */
import type { MiddlewareObj } from '@middy/core'
import { InvalidSuiteError, TooManyChecksError } from '../../core/runs/errors.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../../core/store/repository.ts'
import { toApiIssue } from './api-issue.ts'
import { type ApiErrorCode, BadRequestError, HttpError } from './errors.ts'
import { type ApiEvent, type ApiResult, json } from './types.ts'

/** An error answer */
interface Answer {
  readonly status: number
  readonly code: ApiErrorCode
  readonly message: string
  readonly issues?: BadRequestError['issues']
}

const CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid-body',
  401: 'unauthorized',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
}

/** The answer for an error */
export const answerFor = (error: unknown): Answer | undefined => {
  if (error instanceof BadRequestError)
    return { status: 400, code: error.code, message: error.message, issues: error.issues }
  if (error instanceof HttpError)
    return { status: error.statusCode, code: error.code, message: error.message }
  if (error instanceof NotFoundError) return { status: 404, code: 'not-found', message: error.message }
  if (error instanceof ConflictError) return { status: 409, code: 'conflict', message: error.message }
  if (error instanceof InvalidInputError) return { status: 400, code: 'invalid-body', message: error.message }
  if (error instanceof InvalidSuiteError)
    return { status: 400, code: 'invalid-body', message: error.message, issues: error.issues }
  if (error instanceof TooManyChecksError)
    return { status: 400, code: 'invalid-body', message: error.message }
  // http-errors from middy itself (the router's unknown route is a 404)
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  if (typeof status === 'number' && CODES[status]) {
    const message = status === 404 ? 'no such route' : String((error as Error).message).toLowerCase()
    return { status, code: CODES[status]!, message }
  }
  return undefined
}

/** Renders an error answer */
export const errorResponse = (answer: Answer): ApiResult =>
  json(answer.status, {
    error: {
      code: answer.code,
      message: answer.message,
      ...(answer.issues && answer.issues.length > 0 ? { issues: answer.issues.map(toApiIssue) } : {}),
    },
  })

/** The middleware; `log` receives unexpected errors */
export const apiErrors = (
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: (request) => {
    const answer = answerFor(request.error)
    if (answer) {
      request.response = errorResponse(answer)
      return
    }
    log(
      `internal error on ${request.event.requestContext?.http?.method} ${request.event.rawPath}`,
      request.error,
    )
    request.response = errorResponse({ status: 500, code: 'internal', message: 'internal error' })
  },
})
