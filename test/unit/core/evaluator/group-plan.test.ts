import { describe, expect, it } from 'vitest'
import { actionKeyOf } from '../../../../core/evaluator/action-key.ts'
import { compileGroup, compilePolicySet, OtherResourceCheck } from '../../../../core/evaluator/group-plan.ts'
import type { PolicySet } from '../../../../core/evaluator/types.ts'
import { allow, deny, statements } from '../../../support/policies.ts'

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
  const c = plan.candidatesFor(resource)
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
    const a = plan.reportedAs('identity', undefined)
    expect(a[0]).toMatchObject({ policyType: 'identity', policy: 'p1', sid: 'LiteralAndOther' })
    expect(plan.reportedAs('identity', undefined)).toBe(a)
    const scp = plan.reportedAs('scp', 2)
    expect(scp[6]).toMatchObject({ policyType: 'scp', policy: 'p2', level: 2 })
    expect(plan.reportedAs('identity', undefined)).toBe(a)
  })

  it('compiles a policy set once, with one group per policy list', () => {
    const identity = [statements('p', 'identity', allow('*'))]
    const set: PolicySet = { identity }
    const compiled = compilePolicySet(set)
    expect(compilePolicySet(set)).toBe(compiled)
    expect(compiled.identity).toBe(compileGroup(identity))
    expect(compiled.boundary).toBeUndefined()
    expect(compiled.resource).toBeUndefined()
  })
})
