import { describe, expect, it } from 'vitest'
import {
  countPolicyCharacters,
  findDisallowedCharacter,
  POLICY_SIZE_LIMITS,
} from '../../../../core/policy/policy-size.ts'

describe('countPolicyCharacters', () => {
  it('leaves out spaces, tabs and line breaks when counting by default', () => {
    expect(countPolicyCharacters('{ "a":\t"b c" }\r\n')).toBe(10)
  })

  it('counts everything when whitespace is included', () => {
    expect(countPolicyCharacters('{ "a" }', { includeWhitespace: true })).toBe(7)
  })
})

describe('findDisallowedCharacter', () => {
  it('returns undefined when the text uses only tab, line breaks and U+0020–U+00FF', () => {
    expect(findDisallowedCharacter('{\t"caf\u00e9":\r\n"\u00ff"}')).toBeUndefined()
  })

  it.each([
    ['an emoji', 'a😀', 1, '😀'],
    ['an em dash', 'a—b', 1, '—'],
    ['a control character', 'a\u0001', 1, '\u0001'],
  ])('finds %s when the text holds one', (_name, text, index, char) => {
    expect(findDisallowedCharacter(text)).toEqual({ index, char })
  })
})

describe('POLICY_SIZE_LIMITS', () => {
  it('holds the documented managed policy and SCP limits when read', () => {
    expect(POLICY_SIZE_LIMITS.managedPolicy).toBe(6144)
    expect(POLICY_SIZE_LIMITS.scpBytes).toBe(5120)
  })
})
