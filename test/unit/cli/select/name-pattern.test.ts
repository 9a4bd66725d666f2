import { describe, expect, it } from 'vitest'
import { compileNamePattern } from '../../../../cli/select/name-pattern.ts'

describe('compileNamePattern', () => {
  it.each([
    ['reads', 'dev reads objects', true],
    ['READS', 'dev reads objects', true],
    ['writes', 'dev reads objects', false],
    ['dev *', 'dev reads objects', true],
    ['*objects', 'dev reads objects', true],
    ['reads*', 'dev reads objects', false],
    ['dev ?eads objects', 'dev reads objects', true],
    ['a.b', 'axb', false],
    ['a.b*', 'a.b c', true],
    ['(x)*', '(x) y', true],
  ])('matches when pattern %j meets name %j: %s', (pattern, name, matches) => {
    expect(compileNamePattern(pattern)(name)).toBe(matches)
  })
})
