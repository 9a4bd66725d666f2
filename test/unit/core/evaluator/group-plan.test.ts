import { describe, expect, it } from 'vitest'
import { actionKeyOf } from '../../../../core/evaluator/action-key.ts'
import { evaluate } from '../../../../core/evaluator/evaluate.ts'
import {
  candidatesFor,
  compileGroup,
  compilePolicySet,
  OtherResourceCheck,
  reportedAs,
} from '../../../../core/evaluator/group-plan.ts'
import type { PolicySet } from '../../../../core/evaluator/types.ts'
import { allow, context, deny, statements } from '../../../support/policies.ts'

const group = compileGroup([
  statements(
    'p1',
    'identity',
    allow('s3:GetObject', ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*/x'], { Sid: 'LiteralAndOther' }),
    allow('s3:*', 'arn:aws:s3:::a/exact', { Sid: 'Exact' }),
    { Effect: 'Deny', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::a/*'], Sid: 'NotA' },
    { Effect: 'Deny', Action: 's3:GetObject', NotResource: '*', Sid: 'Never' },
    { Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::c/*/y', Sid: 'NotC' },
    allow('s3:GetObject', '*', { Sid: 'Always' }),
    allow('ec2:*', '*', { Sid: 'OtherAction' }),
  ),
  statements('p2', 'identity', deny('s3:Get*', 'arn:aws:s3:::a/*', { Sid: 'DenyA' })),
])
const plan = group.forAction(actionKeyOf('s3:GetObject'))
const sids = (resource: string) => {
  const c = candidatesFor(plan, resource)
  return [...c.indices].map((i, k) => [plan.entries[i]!.statement.sid, c.checks[k]])
}

describe('group plan', () => {
  it('lists the statements whose action element matches, policy by policy', () => {
    expect(plan.entries.map((e) => e.statement.sid)).toEqual([
      'LiteralAndOther',
      'Exact',
      'NotA',
      'Never',
      'NotC',
      'Always',
      'DenyA',
    ])
  })

  it('gives the candidates of a resource in order, with what is left to test of each', () => {
    const { NONE, MUST_MATCH, MUST_NOT_MATCH } = OtherResourceCheck
    expect(sids('arn:aws:s3:::a/k')).toEqual([
      ['LiteralAndOther', NONE], // its literal prefix matched: nothing left to test
      ['NotC', MUST_NOT_MATCH], // no literal pattern: its wildcard pattern must not match
      ['Always', NONE],
      ['DenyA', NONE],
    ])
    expect(sids('arn:aws:s3:::a/exact')).toEqual([
      ['LiteralAndOther', NONE],
      ['Exact', NONE],
      ['NotC', MUST_NOT_MATCH],
      ['Always', NONE],
      ['DenyA', NONE],
    ])
    expect(sids('arn:aws:s3:::b/1/x')).toEqual([
      ['LiteralAndOther', MUST_MATCH], // only its wildcard pattern can still match
      ['NotA', NONE],
      ['NotC', MUST_NOT_MATCH],
      ['Always', NONE],
    ])
  })

  it('reports each entry per policy type and level, made once', () => {
    const a = reportedAs(plan, 'identity', undefined)
    expect(a[0]).toMatchObject({ policyType: 'identity', policy: 'p1', sid: 'LiteralAndOther' })
    expect(reportedAs(plan, 'identity', undefined)).toBe(a)
    const scp = reportedAs(plan, 'scp', 2)
    expect(scp[6]).toMatchObject({ policyType: 'scp', policy: 'p2', level: 2 })
    expect(reportedAs(plan, 'identity', undefined)).toBe(a)
  })

  it('marks candidates that apply or not together', () => {
    const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
    const uniform = compileGroup([
      statements('a', 'identity', allow('kms:Decrypt', '*', { Sid: 'A', Condition: mfa })),
      statements('b', 'identity', deny('kms:Decrypt', '*', { Sid: 'B', Condition: mfa })),
      statements('c', 'identity', allow('kms:Decrypt', '*', { Sid: 'C', Condition: mfa })),
    ]).forAction(actionKeyOf('kms:Decrypt'))
    const candidates = candidatesFor(uniform, 'arn:aws:kms:us-east-1:111122223333:key/k')
    expect(candidates.uniformBlock).toBe(uniform.entries[0]!.conditions) // identical blocks are one block

    const mixed = compileGroup([
      statements('a', 'identity', allow('kms:Decrypt', '*', { Condition: mfa })),
      statements('b', 'identity', allow('kms:Decrypt', '*')),
    ]).forAction(actionKeyOf('kms:Decrypt'))
    expect(candidatesFor(mixed, 'arn:aws:kms:us-east-1:111122223333:key/k').uniformBlock).toBeUndefined()
    expect(candidatesFor(plan, 'arn:aws:s3:::a/k').uniformBlock).toBeUndefined() // NotC still has a test
    const none = compileGroup([statements('n', 'identity', allow('s3:GetObject', 'arn:aws:s3:::a/*'))])
    expect(
      candidatesFor(none.forAction(actionKeyOf('s3:GetObject')), 'arn:aws:s3:::a/k').uniformBlock,
    ).toBeNull()
  })

  it('still reports an error of a shared block once per statement, as the statement loop does', () => {
    const age = { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }
    const identity = [
      statements('a', 'identity', allow('kms:Decrypt', '*', { Condition: age })),
      statements('b', 'identity', allow('kms:Decrypt', '*', { Condition: age })),
    ]
    const result = evaluate(
      {
        caller: { type: 'user', arn: 'arn:aws:iam::111122223333:user/u', account: '111122223333' },
        action: 'kms:Decrypt',
        resource: 'arn:aws:kms:us-east-1:111122223333:key/k',
        resourceAccount: '111122223333',
        context: context({ 'aws:MultiFactorAuthAge': 'soon' }),
      },
      { identity },
    )
    expect(result.decision).toBe('implicitDeny')
    expect(result.errors.map((e) => e.policy)).toEqual(['a', 'b'])
  })

  it('compiles a policy set once, with the plans of its groups per action', () => {
    const identity = [statements('p', 'identity', allow('*'))]
    const boundary = statements('b', 'boundary', allow('s3:*'))
    const set: PolicySet = { identity, boundary }
    const compiled = compilePolicySet(set)
    expect(compilePolicySet(set)).toBe(compiled)
    const get = actionKeyOf('s3:GetObject')
    const plans = compiled.forAction(get)
    expect(compiled.forAction(get)).toBe(plans)
    expect(plans.identity).toBe(compileGroup(identity).forAction(get))
    expect(plans.boundary).toBe(compileGroup(boundary).forAction(get))
    expect(plans.resource).toBeUndefined()
    expect(compiled.forAction(actionKeyOf('ec2:RunInstances')).boundary?.entries).toEqual([])
  })
})
