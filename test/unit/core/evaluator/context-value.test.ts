import { describe, expect, it } from 'vitest'
import { contextValue, singleValue } from '../../../../core/evaluator/context-value.ts'

describe('interned context values', () => {
  it('gives one shared object per single value and type', () => {
    const ip = singleValue('10.1.2.3', 'ip')
    expect(ip).toEqual({ values: ['10.1.2.3'], multi: false, type: 'ip' })
    expect(singleValue('10.1.2.3', 'ip')).toBe(ip)
    expect(singleValue('10.1.2.3')).not.toBe(ip) // a string, not an address
    expect(singleValue('10.1.2.3')).toEqual({ values: ['10.1.2.3'], multi: false, type: 'string' })
    expect(contextValue(['10.1.2.3'], false, 'ip')).toBe(ip)
  })

  it('gives one shared object per list of values, arity and type', () => {
    const keys = contextValue(['env', 'team'], true, 'string')
    expect(keys).toEqual({ values: ['env', 'team'], multi: true, type: 'string' })
    expect(contextValue(['env', 'team'], true, 'string')).toBe(keys)
    expect(contextValue(['team', 'env'], true, 'string')).not.toBe(keys) // order is kept as given
    expect(contextValue(['env', 'team'], true)).not.toBe(keys)
    expect(contextValue(['env'], true, 'string')).not.toBe(singleValue('env'))
    expect(contextValue(['env'], true, 'string').multi).toBe(true)
  })

  it('keeps values apart whatever characters they hold', () => {
    expect(contextValue(['a\u0000b'], true, 'string')).not.toBe(contextValue(['a', 'b'], true, 'string'))
    expect(contextValue(['a,b'], true, 'string')).not.toBe(contextValue(['a', 'b'], true, 'string'))
  })

  it('leaves the type out when none is given', () => {
    const untyped = contextValue(['x'], false)
    expect(untyped).toEqual({ values: ['x'], multi: false })
    expect('type' in untyped).toBe(false)
    expect(contextValue(['x'], false)).toBe(untyped)
  })
})
