import { describe, expect, it } from 'vitest'
import { didYouMean, editDistance, suggestName } from '../../../../core/policy/did-you-mean.ts'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['StringEqual', 'StringEquals', 1],
  ])('is %s to %s = %i when computed', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })
})

describe('suggestName', () => {
  const names = ['Action', 'NotAction', 'Resource', 'Effect']

  it.each([
    ['action', 'Action'],
    ['Actions', 'Action'],
    ['Resorce', 'Resource'],
    ['Efect', 'Effect'],
  ])('suggests %s → %s when the input is a close typo', (input, expected) => {
    expect(suggestName(input, names)).toBe(expected)
  })

  it('returns undefined when nothing is close', () => {
    expect(suggestName('Banana', names)).toBeUndefined()
  })

  it('renders an empty string when there is no suggestion and a hint when there is one', () => {
    expect(didYouMean('Banana', names)).toBe('')
    expect(didYouMean('Actoin', names)).toBe('; did you mean `Action`?')
  })
})
