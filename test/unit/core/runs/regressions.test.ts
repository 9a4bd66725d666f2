import { describe, expect, it } from 'vitest'
import { findRegressions, regressionKind } from '../../../../core/runs/regressions.ts'
import type { CheckResult } from '../../../../core/suite/report-types.ts'

type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

const result = (
  overrides: Partial<CheckResult> & { decision?: Decision; awsDecision?: Decision } = {},
): CheckResult => {
  const { decision = 'implicitDeny', awsDecision, ...rest } = overrides
  return {
    suite: 's',
    case: 'writers cannot delete',
    principal: 'arn:aws:iam::111122223333:role/Writer',
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::bucket/x',
    expected: 'denied',
    local: { decision, matchedStatements: [], missingContextKeys: [] },
    ...(awsDecision ? { aws: { decision: awsDecision, matchedStatements: [], missingContextKeys: [] } } : {}),
    status: 'passed',
    divergent: false,
    ...rest,
  }
}

describe('regressionKind', () => {
  it.each([
    ['passed', false, 'implicitDeny', 'failed', false, 'allowed', 'newFailure'],
    ['passed', false, 'implicitDeny', 'error', false, undefined, 'newFailure'],
    ['passed', false, 'allowed', 'passed', true, 'allowed', 'newDivergence'],
    ['failed', false, 'allowed', 'failed', true, 'allowed', 'newDivergence'],
    ['passed', false, 'implicitDeny', 'passed', false, 'explicitDeny', 'decisionFlip'],
    ['failed', false, 'allowed', 'failed', false, 'implicitDeny', 'decisionFlip'],
    ['failed', false, 'allowed', 'passed', false, 'implicitDeny', undefined],
    ['passed', true, 'allowed', 'passed', false, 'allowed', undefined],
    ['passed', false, 'allowed', 'passed', false, 'allowed', undefined],
    ['error', false, undefined, 'failed', false, 'allowed', undefined],
  ] as const)('classifies %s/%s/%s -> %s/%s/%s as %s', (bs, bd, bdec, as, ad, adec, kind) => {
    const before = { status: bs, divergent: bd, ...(bdec ? { decision: bdec } : {}) }
    const after = { status: as, divergent: ad, ...(adec ? { decision: adec } : {}) }
    expect(regressionKind(before, after)).toBe(kind)
  })
})

describe('findRegressions', () => {
  it('reports a check that passed and now fails as a new failure with both decisions', () => {
    const before = [result()]
    const after = [result({ decision: 'allowed', status: 'failed' })]
    expect(findRegressions(before, after)).toEqual([
      {
        kind: 'newFailure',
        case: 'writers cannot delete',
        principal: 'arn:aws:iam::111122223333:role/Writer',
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::bucket/x',
        before: { status: 'passed', divergent: false, decision: 'implicitDeny' },
        after: { status: 'failed', divergent: false, decision: 'allowed' },
      },
    ])
  })

  it('reports a new divergence when the engines agreed before and differ now', () => {
    const before = [result({ awsDecision: 'implicitDeny' })]
    const after = [result({ awsDecision: 'allowed', divergent: true })]
    expect(findRegressions(before, after).map((r) => r.kind)).toEqual(['newDivergence'])
  })

  it('reports a decision flip on the judging engine when the status did not change', () => {
    const before = [result({ decision: 'explicitDeny' })]
    const after = [result({ decision: 'implicitDeny' })]
    expect(findRegressions(before, after)).toMatchObject([
      { kind: 'decisionFlip', before: { decision: 'explicitDeny' }, after: { decision: 'implicitDeny' } },
    ])
  })

  it('judges flips on the aws engine when only aws judged', () => {
    const aws = (d: Decision): CheckResult => ({
      ...result(),
      local: undefined,
      aws: { decision: d, matchedStatements: [], missingContextKeys: [] },
    })
    const found = findRegressions([aws('explicitDeny')], [aws('implicitDeny')], {
      judgeBefore: 'aws',
      judgeAfter: 'aws',
    })
    expect(found.map((r) => r.kind)).toEqual(['decisionFlip'])
  })

  it('ignores checks that exist in only one run', () => {
    const before = [result({ case: 'old case' })]
    const after = [result({ case: 'new case', decision: 'allowed', status: 'failed' })]
    expect(findRegressions(before, after)).toEqual([])
  })

  it('matches checks by identity, not by position', () => {
    const a = result({ action: 's3:GetObject' })
    const b = result({ action: 's3:PutObject' })
    const bFailed = result({ action: 's3:PutObject', decision: 'allowed', status: 'failed' })
    expect(findRegressions([a, b], [bFailed, a]).map((r) => r.action)).toEqual(['s3:PutObject'])
  })

  it('pairs repeated identities by occurrence when a case repeats a pair', () => {
    const before = [result(), result()]
    const after = [result(), result({ decision: 'allowed', status: 'failed' })]
    expect(findRegressions(before, after)).toHaveLength(1)
  })

  it('reports nothing when nothing got worse', () => {
    const before = [result({ decision: 'allowed', status: 'failed' })]
    const after = [result()]
    expect(findRegressions(before, after)).toEqual([])
  })
})
