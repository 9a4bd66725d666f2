import { describe, expect, it } from 'vitest'
import {
  awsErrorText,
  backoffDelay,
  errorCodeOf,
  isRetryable,
  withRetry,
} from '../../../../core/aws/retry.ts'

const awsError = (code: string, status: number, message = 'm') =>
  Object.assign(new Error(message), {
    name: `${code}Exception`,
    Code: code,
    $metadata: { httpStatusCode: status },
  })

describe('isRetryable', () => {
  it.each([
    ['Throttling', 400, true],
    ['ThrottlingException', 400, true],
    ['ServiceUnavailable', 503, true],
    ['ServiceFailure', 500, true],
    ['SomethingNew', 502, true],
    ['TooManyRequests', 429, true],
    ['PolicyEvaluation', 500, false],
    ['InvalidInput', 400, false],
    ['NoSuchEntity', 404, false],
    ['AccessDenied', 403, false],
  ])('says %s (HTTP %d) is retryable: %s', (code, status, expected) => {
    expect(isRetryable(awsError(code, status))).toBe(expected)
  })

  it('retries network errors by their code when no answer came', () => {
    expect(isRetryable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isRetryable(Object.assign(new Error('socket'), { cause: { code: 'ECONNRESET' } }))).toBe(true)
    expect(isRetryable(new Error('a bug'))).toBe(false)
  })
})

describe('errorCodeOf', () => {
  it('prefers the AWS code over the SDK class name, then the network code', () => {
    expect(errorCodeOf(awsError('InvalidInput', 400))).toBe('InvalidInput')
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT')
    expect(errorCodeOf(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('TimeoutError')
    expect(errorCodeOf(new Error('x'))).toBe('Error')
  })

  it('formats a failure as `<code>: <message>` on one line', () => {
    expect(awsErrorText(awsError('Throttling', 400, 'Rate exceeded\nmore'))).toBe('Throttling: Rate exceeded')
  })
})

describe('backoffDelay', () => {
  it('draws from [0, min(cap, base × 2^attempt)) with full jitter', () => {
    const top = (attempt: number) =>
      backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999999 })
    expect([0, 1, 2, 3, 4, 10].map(top)).toEqual([99, 199, 399, 799, 999, 999])
    expect(backoffDelay(3, { random: () => 0 })).toBe(0)
  })
})

describe('withRetry', () => {
  it('retries until success with the injected sleep', async () => {
    const sleeps: number[] = []
    let calls = 0
    const value = await withRetry(
      async () => {
        calls++
        if (calls < 3) throw awsError('Throttling', 400)
        return 'ok'
      },
      { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 10 },
    )
    expect(value).toBe('ok')
    expect(sleeps).toEqual([5, 10])
  })

  it('gives up after maxAttempts and throws the last failure', async () => {
    let calls = 0
    const run = withRetry(
      async () => {
        calls++
        throw awsError('Throttling', 400, `try ${calls}`)
      },
      { maxAttempts: 4, sleep: async () => {} },
    )
    await expect(run).rejects.toThrow('try 4')
    expect(calls).toBe(4)
  })

  it('does not retry a failure that cannot pass', async () => {
    let calls = 0
    const run = withRetry(async () => {
      calls++
      throw awsError('InvalidInput', 400)
    })
    await expect(run).rejects.toMatchObject({ Code: 'InvalidInput' })
    expect(calls).toBe(1)
  })
})
