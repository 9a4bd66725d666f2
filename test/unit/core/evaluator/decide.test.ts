import { describe, expect, it } from 'vitest'
import { type DecisionFacts, decide } from '../../../../core/evaluator/decide.ts'

const base: DecisionFacts = {
  explicitDeny: false,
  scpAllows: true,
  endpointAllows: true,
  identityAllows: false,
  boundaryAllows: true,
  sessionAllows: true,
  resourceGrant: undefined,
  resourcePolicyKind: 'standard',
  sameAccount: true,
}
const facts = (f: Partial<DecisionFacts>): DecisionFacts => ({ ...base, ...f })

describe('decide', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  it.each([
    [
      'an explicit deny beats every allow',
      facts({ explicitDeny: true, identityAllows: true, resourceGrant: 'everyone' }),
      'explicitDeny',
    ],
    ['nothing allows', facts({}), 'implicitDeny'],
    ['an identity allow is enough in one account', facts({ identityAllows: true }), 'allowed'],
    [
      'a missing SCP allow denies implicitly',
      facts({ identityAllows: true, scpAllows: false }),
      'implicitDeny',
    ],
    [
      'a missing SCP allow is not overridden by a resource grant',
      facts({ scpAllows: false, resourceGrant: 'user' }),
      'implicitDeny',
    ],
    [
      'the boundary must allow an identity allow',
      facts({ identityAllows: true, boundaryAllows: false }),
      'implicitDeny',
    ],
    [
      'the session policy must allow an identity allow',
      facts({ identityAllows: true, sessionAllows: false }),
      'implicitDeny',
    ],
    [
      'a VPC endpoint policy must allow',
      facts({ identityAllows: true, endpointAllows: false }),
      'implicitDeny',
    ],
  ] as const)('%s', (_, f, expected) => {
    expect(decide(f).decision).toBe(expected)
  })

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (same-account table)
  it.each([
    ['user ARN grant ignores identity implicit deny', 'user', {}, 'allowed'],
    ['user ARN grant ignores boundary implicit deny', 'user', { boundaryAllows: false }, 'allowed'],
    ['role ARN grant ignores identity implicit deny', 'role', {}, 'allowed'],
    [
      'role ARN grant is blocked by boundary implicit deny',
      'role',
      { boundaryAllows: false },
      'implicitDeny',
    ],
    [
      'role ARN grant is blocked by session policy implicit deny',
      'role',
      { sessionAllows: false },
      'implicitDeny',
    ],
    ['session ARN grant ignores boundary implicit deny', 'session', { boundaryAllows: false }, 'allowed'],
    [
      'session ARN grant ignores session policy implicit deny',
      'session',
      { sessionAllows: false },
      'allowed',
    ],
    [
      'federated user ARN grant ignores every implicit deny',
      'federated',
      { boundaryAllows: false, sessionAllows: false },
      'allowed',
    ],
    [
      'federating user grant is blocked by boundary implicit deny',
      'federatingUser',
      { boundaryAllows: false },
      'implicitDeny',
    ],
    [
      'federating user grant is blocked by session policy implicit deny',
      'federatingUser',
      { sessionAllows: false },
      'implicitDeny',
    ],
    ['account grant needs an identity allow', 'account', {}, 'implicitDeny'],
    ['everyone grant ignores boundary implicit deny', 'everyone', { boundaryAllows: false }, 'allowed'],
  ] as const)('%s', (_, grant, extra, expected) => {
    expect(decide(facts({ resourceGrant: grant, ...extra })).decision).toBe(expected)
  })

  it('gives an account grant with an identity allow', () => {
    expect(decide(facts({ resourceGrant: 'account', identityAllows: true })).decision).toBe('allowed')
  })

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
  it.each([
    ['needs the identity side', facts({ sameAccount: false, resourceGrant: 'user' }), 'implicitDeny'],
    ['needs the resource policy', facts({ sameAccount: false, identityAllows: true }), 'implicitDeny'],
    [
      'allows with both',
      facts({ sameAccount: false, identityAllows: true, resourceGrant: 'account' }),
      'allowed',
    ],
    [
      'still applies the boundary',
      facts({ sameAccount: false, identityAllows: true, resourceGrant: 'user', boundaryAllows: false }),
      'implicitDeny',
    ],
  ] as const)('cross-account %s', (_, f, expected) => {
    expect(decide(f).decision).toBe(expected)
  })

  // Trust policies and KMS key policies must always allow the caller themselves
  it.each([
    [
      'trust',
      'identity allow without trust',
      facts({ resourcePolicyKind: 'trust', identityAllows: true }),
      'implicitDeny',
    ],
    [
      'trust',
      'trust naming the user',
      facts({ resourcePolicyKind: 'trust', resourceGrant: 'user' }),
      'allowed',
    ],
    [
      'trust',
      'trust naming the account without identity allow',
      facts({ resourcePolicyKind: 'trust', resourceGrant: 'account' }),
      'implicitDeny',
    ],
    [
      'trust',
      'trust naming the account with identity allow',
      facts({ resourcePolicyKind: 'trust', resourceGrant: 'account', identityAllows: true }),
      'allowed',
    ],
    [
      'kms',
      'IAM allow without a key policy grant',
      facts({ resourcePolicyKind: 'kms', identityAllows: true }),
      'implicitDeny',
    ],
    [
      'kms',
      'IAM allow with the key policy enabling IAM',
      facts({ resourcePolicyKind: 'kms', identityAllows: true, resourceGrant: 'account' }),
      'allowed',
    ],
  ] as const)('%s policy: %s', (_, __, f, expected) => {
    expect(decide(f).decision).toBe(expected)
  })
})
