import { describe, expect, it } from 'vitest'
import { explainOutcome } from '../../../../cli/format/explanation.ts'

describe('explainOutcome', () => {
  it('names the allowing statements when the decision is an allow', () => {
    expect(
      explainOutcome({
        decision: 'allowed',
        matchedStatements: [{ policy: 'p', sid: 'S', index: 0, effect: 'Allow', policyType: 'boundary' }],
        missingContextKeys: [],
      }),
    ).toBe('allowed by statement `S` in `p` (boundary)')
  })

  it('names the refused hop when the decision is a via hop', () => {
    expect(
      explainOutcome({
        decision: 'implicitDeny',
        matchedStatements: [],
        missingContextKeys: ['aws:multifactorauthpresent'],
        hop: { index: 1, role: 'arn:aws:iam::1:role/R', action: 'sts:AssumeRole' },
      }),
    ).toMatch(
      /^via\[1\] sts:AssumeRole on `arn:aws:iam::1:role\/R`: implicitly denied: .*\(missing context keys: aws:multifactorauthpresent\)$/,
    )
  })
})
