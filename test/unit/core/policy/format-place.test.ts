import { describe, expect, it } from 'vitest'
import { formatIssue, formatPlace } from '../../../../core/policy/index.ts'

describe('formatPlace', () => {
  it.each([
    ['a.yaml', { line: 3, column: 7 }, 'a.yaml:3:7'],
    ['a.yaml', { line: 0, column: 0 }, 'a.yaml'],
    ['a.yaml', undefined, 'a.yaml'],
    [undefined, { line: 3, column: 7 }, '3:7'],
    [undefined, undefined, ''],
  ] as const)('%s at %j is %j', (file, at, expected) => {
    expect(formatPlace(file, at)).toBe(expected)
  })

  it('starts an issue line', () => {
    const span = { line: 2, column: 8, endLine: 2, endColumn: 12 }
    expect(
      formatIssue({
        code: 'duplicate-name',
        message: 'm',
        path: 'suite',
        span,
        file: 'b.yaml',
        severity: 'error',
      }),
    ).toBe('b.yaml:2:8 suite: m')
  })
})
