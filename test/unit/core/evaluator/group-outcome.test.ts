import { describe, expect, it } from 'vitest'
import { actionKeyOf } from '../../../../core/evaluator/action-key.ts'
import { evaluate } from '../../../../core/evaluator/evaluate.ts'
import { groupOutcome, MASK_BITS } from '../../../../core/evaluator/group-outcome.ts'
import { candidatesFor, compileGroup, reportedAs } from '../../../../core/evaluator/group-plan.ts'
import type { AuthorizationRequest, Caller, PolicySet } from '../../../../core/evaluator/types.ts'
import { A, allow, B, context, deny, statements } from '../../../support/policies.ts'

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/k'

describe('group outcomes', () => {
  const plan = compileGroup([
    statements('a', 'identity', allow('kms:Decrypt', '*', { Sid: 'A' })),
    statements('b', 'identity', deny('kms:Decrypt', '*', { Sid: 'B' })),
    statements('c', 'identity', allow('kms:*', '*', { Sid: 'C' })),
  ]).forAction(actionKeyOf('kms:Decrypt'))
  const candidates = candidatesFor(plan, KEY)
  const from = reportedAs(plan, 'identity', undefined)

  it('splits the applying candidates by effect, in candidate order', () => {
    const all = groupOutcome(candidates, from, 0b111, [])
    expect(all.denies.map((m) => m.sid)).toEqual(['B'])
    expect(all.allows.map((m) => m.sid)).toEqual(['A', 'C'])
    const some = groupOutcome(candidates, from, 0b100, [])
    expect(some.denies).toEqual([])
    expect(some.allows.map((m) => m.sid)).toEqual(['C'])
    expect(groupOutcome(candidates, from, 0, []).allows).toEqual([])
  })

  it('is made once per candidates, report list and mask', () => {
    const first = groupOutcome(candidates, from, 0b101, [])
    expect(groupOutcome(candidates, from, 0b011, [])).not.toBe(first)
    expect(groupOutcome(candidates, from, 0b101, [])).toBe(first)
    const asScp = groupOutcome(candidates, reportedAs(plan, 'scp', 0), 0b101, [])
    expect(asScp).not.toBe(first)
    expect(asScp.allows.map((m) => m.policyType)).toEqual(['scp', 'scp'])
    expect(groupOutcome(candidates, from, 0b101, []).allows).toEqual(first.allows)
  })

  it('reads candidates past the mask from the applied list, and does not keep those outcomes', () => {
    const many = compileGroup([
      statements(
        'wide',
        'identity',
        ...Array.from({ length: MASK_BITS + 2 }, (_, i) => allow('kms:Decrypt', '*', { Sid: `S${i}` })),
      ),
    ]).forAction(actionKeyOf('kms:Decrypt'))
    const wide = candidatesFor(many, KEY)
    const applied = wide.entries.map((_, k) => k % 2 === 1)
    const outcome = groupOutcome(wide, reportedAs(many, 'identity', undefined), 0, applied)
    expect(outcome.allows.map((m) => m.sid)).toEqual(
      Array.from({ length: MASK_BITS + 2 }, (_, i) => `S${i}`).filter((_, i) => i % 2 === 1),
    )
    expect(groupOutcome(wide, reportedAs(many, 'identity', undefined), 0, applied)).not.toBe(outcome)
  })
})

describe('decisions remembered with their group outcomes', () => {
  const user: Caller = { type: 'user', arn: `arn:aws:iam::${A}:user/u`, account: A }
  const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
  const set: PolicySet = {
    identity: [
      statements(
        'p',
        'identity',
        allow('s3:GetObject', 'arn:aws:s3:::data/*', { Sid: 'Read' }),
        deny('s3:GetObject', 'arn:aws:s3:::data/secret/*', { Sid: 'NoSecrets' }),
        allow('s3:GetObject', 'arn:aws:s3:::mfa/*', { Sid: 'WithMfa', Condition: mfa }),
      ),
    ],
    boundary: statements('b', 'boundary', allow('s3:*', 'arn:aws:s3:::data/*')),
  }
  const request = (resource: string, extra: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
    caller: user,
    action: 's3:GetObject',
    resource,
    resourceAccount: A,
    context: context({ 'aws:MultiFactorAuthPresent': true }),
    ...extra,
  })

  it('answers a request whose groups end as an earlier one did with that result, frozen', () => {
    const first = evaluate(request('arn:aws:s3:::data/a'), set)
    expect(first).toMatchObject({ decision: 'allowed', decisionReason: 'allowed-by-all-required' })
    expect(first.reasons.map((r) => [r.policyType, r.sid ?? r.index])).toEqual([
      ['identity', 'Read'],
      ['boundary', 0],
    ])
    const again = evaluate(request('arn:aws:s3:::data/b'), set)
    expect(again).toBe(first)
    expect(Object.isFrozen(again)).toBe(true)
    expect(Object.isFrozen(again.reasons)).toBe(true)
    expect(evaluate(request('arn:aws:s3:::data/secret/x'), set)).toMatchObject({
      decision: 'explicitDeny',
      reasons: [expect.objectContaining({ sid: 'NoSecrets' })],
    })
  })

  it('keeps decisions apart by the boundary outcome and by the facts about the caller', () => {
    // The boundary allows data/* only: same identity outcome (WithMfa), another boundary outcome
    expect(evaluate(request('arn:aws:s3:::mfa/a'), set).decision).toBe('implicitDeny')
    const root: Caller = { type: 'root', arn: `arn:aws:iam::${A}:root`, account: A }
    expect(
      evaluate(request('arn:aws:s3:::other/a', { caller: root }), { identity: set.identity }),
    ).toMatchObject({ decision: 'allowed' })
    expect(evaluate(request('arn:aws:s3:::other/a'), { identity: set.identity }).decision).toBe(
      'implicitDeny',
    )
    expect(evaluate(request('arn:aws:s3:::data/a'), { identity: set.identity }).decision).toBe('allowed')
    expect(
      evaluate(request('arn:aws:s3:::data/a', { resourceAccount: B }), { identity: set.identity }),
    ).toMatchObject({ decision: 'implicitDeny', decisionReason: 'cross-account-needs-both' })
    const federated: Caller = { type: 'federatedUser', arn: `arn:aws:sts::${A}:federated-user/f`, account: A }
    expect(
      evaluate(request('arn:aws:s3:::data/a', { caller: federated }), { identity: set.identity }).decision,
    ).toBe('implicitDeny')
    expect(evaluate(request('arn:aws:s3:::data/a'), { identity: set.identity }).decision).toBe('allowed')
  })

  it('does not remember a decision for which a key was missing', () => {
    const missing = evaluate(request('arn:aws:s3:::mfa/a', { context: context() }), {
      identity: set.identity,
    })
    expect(missing).toMatchObject({
      decision: 'implicitDeny',
      missingContextKeys: ['aws:multifactorauthpresent'],
    })
    expect(Object.isFrozen(missing)).toBe(false)
    const present = evaluate(request('arn:aws:s3:::mfa/a'), { identity: set.identity })
    expect(present).toMatchObject({ decision: 'allowed', missingContextKeys: [] })
    const absentAgain = evaluate(request('arn:aws:s3:::mfa/b', { context: context() }), {
      identity: set.identity,
    })
    expect(absentAgain).not.toBe(missing)
    expect(absentAgain.missingContextKeys).toEqual(['aws:multifactorauthpresent'])
  })
})
