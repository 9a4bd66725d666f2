import { describe, expect, it } from 'vitest'
import { deriveContext, derivedContext } from '../../../../core/evaluator/derive-context.ts'
import { A, context, resource, roleSession, userIdentity } from '../../../support/policies.ts'

const flat = (
  identity: Parameters<typeof derivedContext>[0],
  res: Parameters<typeof derivedContext>[1],
  overrides: ReturnType<typeof context>,
) => {
  const map = derivedContext(identity, res)
  for (const [k, v] of overrides) map.set(k, v)
  return map
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
describe('deriveContext', () => {
  const alice = userIdentity('alice', A, { tags: { Team: 'data' } })
  const bucket = resource('arn:aws:s3:::data/x', { account: A, tags: { Env: 'prod' } })

  it('sets the keys IAM derives from a user and a resource', () => {
    const ctx = deriveContext(alice, bucket, context())
    expect(ctx.get('aws:username')?.values).toEqual(['alice'])
    expect(ctx.get('aws:principalarn')?.values).toEqual([`arn:aws:iam::${A}:user/alice`])
    expect(ctx.get('aws:principaltag/team')?.values).toEqual(['data'])
    expect(ctx.get('aws:resourcetag/env')?.values).toEqual(['prod'])
    expect(ctx.get('aws:resourceaccount')?.values).toEqual([A])
    expect(ctx.has('aws:currenttime')).toBe(false)
    expect(ctx.has('aws:multifactorauthpresent')).toBe(false)
  })

  it('gives a role session the role ARN as aws:PrincipalArn and no aws:username', () => {
    const ctx = deriveContext(roleSession('R', 's1'), bucket, context())
    expect(ctx.get('aws:principalarn')?.values).toEqual([`arn:aws:iam::${A}:role/R`])
    expect(ctx.has('aws:username')).toBe(false)
  })

  it('lets the author override derived keys, whatever the key case', () => {
    const overrides = new Map([['AWS:PrincipalTag/Team', { values: ['ops'], multi: false }]])
    expect(deriveContext(alice, bucket, overrides).get('aws:principaltag/team')?.values).toEqual(['ops'])
  })

  it('lists exactly the entries of the flat derivation with the overrides laid over it', () => {
    const overrides = context({ 'aws:SourceIp': '10.0.0.1', 'aws:username': 'mallory' })
    const layered = deriveContext(alice, bucket, overrides)
    const expected = flat(alice, bucket, overrides)
    expect(new Map(layered)).toEqual(expected)
    expect(layered.size).toBe(expected.size)
    expect([...layered.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const key of expected.keys()) expect(layered.get(key)).toEqual(expected.get(key))
  })

  it('has no aws:ResourceAccount for a request on `*`', () => {
    expect(deriveContext(alice, resource('*'), context()).has('aws:resourceaccount')).toBe(false)
  })
})
