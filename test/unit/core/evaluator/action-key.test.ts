import { describe, expect, it } from 'vitest'
import { actionKeyOf } from '../../../../core/evaluator/action-key.ts'

describe('actionKeyOf', () => {
  it('gives every spelling of a name the same key, in lower case', () => {
    const a = actionKeyOf('s3:GetObject')
    expect(a.lower).toBe('s3:getobject')
    expect(actionKeyOf('S3:getobject')).toBe(a)
    expect(actionKeyOf(['s3:', 'GetObject'].join(''))).toBe(a) // an equal string that is another object
    expect(actionKeyOf('s3:GetObject')).toBe(a)
  })

  it('gives different names different ids, also when they share a cache slot', () => {
    // same length and last character: the same slot of the direct-mapped cache
    const a = actionKeyOf('ec2:StartInstances')
    const b = actionKeyOf('ec2:StopXInstances')
    expect(a.id).not.toBe(b.id)
    expect(actionKeyOf('ec2:StartInstances')).toBe(a)
    expect(actionKeyOf('ec2:StopXInstances')).toBe(b)
  })

  it('knows sts:GetCallerIdentity', () => {
    expect(actionKeyOf('sts:GetCallerIdentity').getCallerIdentity).toBe(true)
    expect(actionKeyOf('sts:AssumeRole').getCallerIdentity).toBe(false)
  })

  it('starts a new generation past 32,768 names and never hands out a stale key', () => {
    const first = actionKeyOf('svc:Action0')
    let last = first
    for (let i = 1; i <= 33_000; i++) last = actionKeyOf(`svc:Action${i}`)
    expect(last.generation).toBeGreaterThan(first.generation)
    const again = actionKeyOf('svc:Action0')
    expect(again.generation).toBe(last.generation)
    expect(again.lower).toBe('svc:action0')
    expect(actionKeyOf('svc:Action0')).toBe(again)
  })
})
