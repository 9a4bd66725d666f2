import { describe, expect, it } from 'vitest'
import { palette } from '../../../../cli/colors.ts'
import { checkLine, formatDuration, formatPretty, summaryLine } from '../../../../cli/format/pretty.ts'
import { result, view } from '../cli-fixtures.ts'

const plain = palette(false)

describe('checkLine', () => {
  it('prints nothing when a check passes cleanly', () => {
    expect(checkLine(view([result()]), 0, plain)).toBeUndefined()
  })

  it('names expected and actual, the explanation and the deciding statement when a check fails', () => {
    const failed = result({ expected: 'implicitDeny', status: 'failed' })
    expect(checkLine(view([failed]), 0, plain)).toBe(
      'FAIL unit › dev reads: s3:GetObject arn:aws:s3:::data/x: expected implicitDeny, got allowed ' +
        '(allowed by statement `Work` in `base` (identity)) at suites/unit.iamspec.yaml:10:15',
    )
  })

  it('prefers the full explanation when one was made', () => {
    const failed = result({ expected: 'implicitDeny', status: 'failed' })
    const line = checkLine(view([failed], { explanations: new Map([[0, 'because of reasons']]) }), 0, plain)
    expect(line).toContain('(because of reasons)')
  })

  it('prints the message when a check could not be evaluated', () => {
    const error = result({ status: 'error', message: 'local: boom', local: undefined })
    expect(checkLine(view([error]), 0, plain)).toBe(
      'ERROR unit › dev reads: s3:GetObject arn:aws:s3:::data/x: local: boom',
    )
  })

  it('prints both engines and the documented cause when a check diverges', () => {
    const divergent = result({
      divergent: true,
      divergenceCause: 'simulator ignores X',
      aws: { decision: 'implicitDeny', matchedStatements: [], missingContextKeys: [] },
    })
    expect(checkLine(view([divergent]), 0, plain)).toBe(
      [
        'DIVERGENT unit › dev reads: s3:GetObject arn:aws:s3:::data/x: local allowed, aws implicitDeny (simulator ignores X)',
        '    local allowed; statements: Allow `Work` of `base` (identity) at suites/unit.iamspec.yaml:10:15; missing context keys: none',
        '    aws   implicitDeny; statements: none; missing context keys: none',
        '    cause: simulator ignores X',
      ].join('\n'),
    )
  })

  it('colours the status word when colours are on', () => {
    const failed = result({ expected: 'implicitDeny', status: 'failed' })
    expect(checkLine(view([failed]), 0, palette(true))?.startsWith('\u001b[31mFAIL\u001b[39m ')).toBe(true)
  })
})

describe('summaryLine', () => {
  it.each([
    [
      { total: 3, passed: 3, failed: 0, errors: 0, divergent: 0 },
      'PASSED 3 passed (3 checks in 1 suite, 12 ms)',
    ],
    [
      { total: 4, passed: 1, failed: 2, errors: 1, divergent: 0, skipped: 2 },
      'FAILED 2 failed, 1 passed, 1 error, 2 skipped (4 checks in 1 suite, 12 ms)',
    ],
    [
      { total: 1, passed: 1, failed: 0, errors: 0, divergent: 1 },
      'PASSED 1 passed, 1 divergent (1 check in 1 suite, 12 ms)',
    ],
  ])('summarizes the counts when the summary is %j', (summary, line) => {
    expect(summaryLine(summary, { suites: 1, durationMs: 12, failOnDivergence: false }, plain)).toBe(line)
  })

  it('fails the run on divergence when failOnDivergence is set', () => {
    const summary = { total: 1, passed: 1, failed: 0, errors: 0, divergent: 1 }
    expect(summaryLine(summary, { suites: 2, durationMs: 1500, failOnDivergence: true }, plain)).toBe(
      'FAILED 1 passed, 1 divergent (1 check in 2 suites, 1.50 s)',
    )
  })
})

describe('formatPretty', () => {
  it('prints problem lines, a blank line, then the summary when checks fail', () => {
    const text = formatPretty(view([result(), result({ expected: 'implicitDeny', status: 'failed' })]), plain)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^FAIL /)
    expect(lines[1]).toBe('')
    expect(lines[2]).toMatch(/^FAILED 1 failed, 1 passed /)
    expect(text.endsWith('\n')).toBe(true)
  })

  it('prints only the summary when every check passes', () => {
    expect(formatPretty(view([result()]), plain)).toBe('PASSED 1 passed (1 check in 1 suite, 12 ms)\n')
  })
})

describe('formatDuration', () => {
  it.each([
    [0.4, '0 ms'],
    [999, '999 ms'],
    [1234, '1.23 s'],
  ])('formats the time when it is %d ms', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
