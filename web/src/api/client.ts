/**
 * The HTTP client of docs/api.md: JSON in and out, the bearer token on every call, errors as ApiError
 * with the API's code and issues. The token goes only to the configured API base, and only when that
 * base is on the dashboard's own origin.
 * @module
 */
import { currentToken, signOut } from '../auth/session.ts'
import type { ApiIssue } from './api-types.ts'

/** The API base URL from the build's configuration (`VITE_API_BASE`), `/api` by default */
export const API_BASE = (import.meta.env.VITE_API_BASE || '/api').replace(/\/+$/, '')

/** A failed API call: the HTTP status (0 when the network failed) and the API's error body */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message)
  }
}

/** How to call the API */
export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** A JSON body */
  readonly json?: unknown
  /** A raw text body with its content type (suite text as YAML or JSON) */
  readonly text?: { readonly body: string; readonly contentType: string }
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>
  /** Use this token instead of the session's (the sign-in check) */
  readonly token?: string
  readonly signal?: AbortSignal
}

const urlOf = (path: string, query: RequestOptions['query']): URL => {
  const url = new URL(`${API_BASE}${path}`, window.location.href)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
  }
  return url
}

const readError = async (response: Response): Promise<ApiError> => {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; issues?: ApiIssue[] }
    }
    const error = body.error ?? {}
    return new ApiError(
      response.status,
      error.code ?? 'http-error',
      error.message ?? `the api answered ${response.status}`,
      error.issues ?? [],
    )
  } catch {
    return new ApiError(response.status, 'http-error', `the api answered ${response.status}`)
  }
}

/** Calls the API; resolves with the parsed JSON answer (undefined for 204) or rejects with ApiError */
export const apiRequest = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const url = urlOf(path, options.query)
  const headers: Record<string, string> = { accept: 'application/json' }
  const token = options.token ?? currentToken()
  if (token) {
    if (url.origin !== window.location.origin) {
      throw new ApiError(
        0,
        'config',
        `the api base \`${API_BASE}\` is not on this origin: refusing to send the token`,
      )
    }
    headers.authorization = `Bearer ${token}`
  }
  let body: string | undefined
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.text) {
    headers['content-type'] = options.text.contentType
    body = options.text.body
  }
  let response: Response
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'the api could not be reached: check your connection and try again')
  }
  if (!response.ok) {
    const error = await readError(response)
    if (response.status === 401 && options.token === undefined && currentToken()) {
      signOut('The API no longer accepts your token (401 unauthorized). Sign in again with a valid token.')
    }
    throw error
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}
