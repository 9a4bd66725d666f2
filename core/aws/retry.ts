/**
 * Retrying simulator calls: throttling, 5xx and network errors are retried with exponential backoff
 * and full jitter (delay = random × min(cap, base × 2^attempt)), a bounded number of times. Sleep and
 * randomness are injected so tests run instantly and deterministically.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
 * @module
 */

/** How to retry */
export interface RetryOptions {
  /** Attempts in all, the first included; default 6 */
  readonly maxAttempts?: number
  /** The backoff base in milliseconds; default 100 */
  readonly baseDelayMs?: number
  /** The cap of one delay in milliseconds; default 10,000 */
  readonly maxDelayMs?: number
  /** Waits; default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>
  /** A number in [0, 1); default Math.random */
  readonly random?: () => number
  /** Told about every retry (for statistics and logs) */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void
}

/** Error codes that mean "try again later" */
export const RETRYABLE_CODES: readonly string[] = [
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServiceFailure',
  'InternalFailure',
  'InternalError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]

/** Network error codes of Node sockets and DNS */
const NETWORK_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]

/** Codes that a 5xx status carries but that no retry can fix (a policy the simulator cannot evaluate) */
const PERMANENT_CODES = ['PolicyEvaluation', 'PolicyEvaluationException']

interface ErrorLike {
  /** The AWS error code of a Query-protocol error (the SDK's `name` may be the modelled class, `InvalidInputException`) */
  readonly Code?: unknown
  readonly name?: unknown
  readonly code?: unknown
  readonly message?: unknown
  readonly $metadata?: { readonly httpStatusCode?: unknown }
  readonly $response?: { readonly statusCode?: unknown }
}

const asErrorLike = (error: unknown): ErrorLike =>
  typeof error === 'object' && error !== null ? (error as ErrorLike) : {}

/** The HTTP status of a failed call, when it got an answer */
export const httpStatusOf = (error: unknown): number | undefined => {
  const e = asErrorLike(error)
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode
  return typeof status === 'number' ? status : undefined
}

/** The AWS error code of a failure (`Throttling`, `InvalidInput`), or a network code, or the error's name */
export const errorCodeOf = (error: unknown): string => {
  const e = asErrorLike(error)
  if (typeof e.Code === 'string' && e.Code !== '') return e.Code
  if (typeof e.code === 'string' && e.code !== '') return e.code
  if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name
  return 'Error'
}

/** A failure as the report shows it: `<code>: <message>` */
export const awsErrorText = (error: unknown): string => {
  const e = asErrorLike(error)
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error)
  return `${errorCodeOf(error)}: ${message.split('\n')[0]}`
}

/** True for a failure worth retrying: throttling, 5xx (but a policy the simulator cannot evaluate), network */
export const isRetryable = (error: unknown): boolean => {
  const code = errorCodeOf(error)
  if (PERMANENT_CODES.includes(code)) return false
  if (RETRYABLE_CODES.includes(code) || NETWORK_CODES.includes(code)) return true
  const status = httpStatusOf(error)
  if (status !== undefined) return status >= 500 || status === 429
  const cause = (asErrorLike(error) as { cause?: unknown }).cause
  return cause !== undefined && cause !== error && NETWORK_CODES.includes(errorCodeOf(cause))
}

/** The delay before retry number `attempt` (0 = the first retry): full jitter */
export const backoffDelay = (attempt: number, options: RetryOptions = {}): number => {
  const base = options.baseDelayMs ?? 100
  const cap = options.maxDelayMs ?? 10_000
  const random = options.random ?? Math.random
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt))
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `call`, retrying retryable failures; the last failure is thrown */
export const withRetry = async <T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> => {
  const attempts = Math.max(1, options.maxAttempts ?? 6)
  const sleep = options.sleep ?? realSleep
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt + 1 >= attempts || !isRetryable(error)) throw error
      const delay = backoffDelay(attempt, options)
      options.onRetry?.(error, attempt + 1, delay)
      await sleep(delay)
    }
  }
}
