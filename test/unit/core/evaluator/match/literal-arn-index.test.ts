import { fc, test as property } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { hasPrefix } from '../../../../../core/evaluator/has-prefix.ts'
import {
  buildLiteralArnIndex,
  type LiteralArnPattern,
} from '../../../../../core/evaluator/match/literal-arn-index.ts'
import { splitResourceList } from '../../../../../core/evaluator/match/resource.ts'

/** The owners the index marks for an ARN, sorted */
const marked = (patterns: readonly LiteralArnPattern[], arn: string): number[] => {
  const owners = Math.max(0, ...patterns.map((p) => p.owner + 1))
  const hits = new Int32Array(owners)
  buildLiteralArnIndex(patterns).mark(arn, hits, 7)
  return [...hits.keys()].filter((i) => hits[i] === 7)
}

/** What the index must answer: exact equality, or the prefix test */
const naive = (patterns: readonly LiteralArnPattern[], arn: string): number[] =>
  [
    ...new Set(
      patterns.filter((p) => (p.prefix ? arn.startsWith(p.text) : arn === p.text)).map((p) => p.owner),
    ),
  ].sort((a, b) => a - b)

describe('literal ARN index', () => {
  const patterns: LiteralArnPattern[] = [
    { text: 'arn:aws:s3:::data-1', prefix: false, owner: 0 },
    { text: 'arn:aws:s3:::data-1/', prefix: true, owner: 0 },
    { text: 'arn:aws:s3:::data-2/', prefix: true, owner: 1 },
    { text: 'arn:aws:s3:::data-', prefix: true, owner: 2 },
    { text: 'arn:aws:dynamodb:us-east-1:111122223333:table/t1', prefix: true, owner: 3 },
    { text: 'arn:aws:s3:::data-1', prefix: false, owner: 4 },
    { text: 'arn:aws:s3:::data-1/k', prefix: false, owner: 5 },
  ]
  it.each([
    ['arn:aws:s3:::data-1', [0, 2, 4]],
    ['arn:aws:s3:::data-1/k', [0, 2, 5]],
    ['arn:aws:s3:::data-1/k/x.csv', [0, 2]],
    ['arn:aws:s3:::data-2/a', [1, 2]],
    ['arn:aws:s3:::data-2', [2]],
    ['arn:aws:s3:::data-', [2]],
    // ends inside an edge label: nothing below it can match
    ['arn:aws:s3:::dat', []],
    ['arn:aws:dynamodb:us-east-1:111122223333:table/t10', [3]],
    ['arn:aws:dynamodb:us-east-1:111122223333:table/T1', []], // case-sensitive
    ['arn:aws:s3:::other', []],
    ['', []],
    ['*', []],
  ])('%s → owners %j', (arn, owners) => {
    expect(marked(patterns, arn)).toEqual(owners)
    expect(naive(patterns, arn)).toEqual(owners)
  })

  it('an empty prefix matches every ARN', () => {
    expect(marked([{ text: '', prefix: true, owner: 0 }], 'anything')).toEqual([0])
    expect(marked([{ text: '', prefix: false, owner: 0 }], 'anything')).toEqual([])
    expect(marked([{ text: '', prefix: false, owner: 0 }], '')).toEqual([0])
  })

  it('hits of an earlier stamp do not count for a later one', () => {
    const index = buildLiteralArnIndex(patterns)
    const hits = new Int32Array(6)
    index.mark('arn:aws:s3:::data-1', hits, 1)
    index.mark('arn:aws:s3:::data-2/a', hits, 2)
    expect([...hits.keys()].filter((i) => hits[i] === 2)).toEqual([1, 2])
    expect(hits[0]).toBe(1)
  })

  // A small alphabet makes patterns share starts, so edges are split in every way
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/'), maxLength: 6 })
  const patternArb = fc.record({ text, prefix: fc.boolean(), owner: fc.nat({ max: 5 }) })
  property.prop([fc.array(patternArb, { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 8 })])(
    'marks exactly the owners of the patterns that match (same as a naive scan)',
    (ps, arns) => {
      for (const arn of arns) expect(marked(ps, arn)).toEqual(naive(ps, arn))
    },
  )
})

describe('splitResourceList', () => {
  it('keeps exact ARNs and single trailing-* prefixes for the index, the rest for a matcher', () => {
    const split = splitResourceList(
      [
        'arn:aws:s3:::b',
        'arn:aws:s3:::b/*',
        'arn:aws:s3:::b/*/x',
        'arn:aws:s3:::b?',
        'arn:aws:s3:::${aws:username}/*',
      ],
      '2012-10-17',
    )
    expect(split.matchesAll).toBe(false)
    expect(split.literals).toEqual([
      { text: 'arn:aws:s3:::b', prefix: false },
      { text: 'arn:aws:s3:::b/', prefix: true },
    ])
    expect(split.rest?.('arn:aws:s3:::b/1/x', new Map())).toBe(true)
    expect(split.rest?.('arn:aws:s3:::bc', new Map())).toBe(true)
    expect(split.rest?.('arn:aws:s3:::b/k', new Map())).toBe(false)
  })

  it('treats variables as literal text under the 2008-10-17 Version', () => {
    const split = splitResourceList(['arn:aws:s3:::${aws:username}/*'], '2008-10-17')
    expect(split.literals).toEqual([{ text: 'arn:aws:s3:::${aws:username}/', prefix: true }])
    expect(split.rest).toBeUndefined()
  })

  it('a list with * matches everything and needs no index', () => {
    expect(splitResourceList(['arn:aws:s3:::b', '*'], '2012-10-17')).toEqual({
      matchesAll: true,
      literals: [],
      rest: undefined,
    })
  })
})

describe('hasPrefix', () => {
  it.each([
    ['arn:aws:s3:::b/x', 'arn:aws:s3:::b/', 0, true],
    ['arn:aws:s3:::b/x', 'arn:aws:s3:::c/', 0, false],
    ['arn', 'arn:aws', 0, false],
    ['abc', '', 0, true],
    ['arn:aws:s3', 'aws', 4, true],
    ['arn:aws:s3', 'aws:s3:x', 4, false],
  ])('hasPrefix(%j, %j, %i) = %s', (value, prefix, start, expected) => {
    expect(hasPrefix(value, prefix, start)).toBe(expected)
    expect(hasPrefix(value, prefix, start)).toBe(value.startsWith(prefix, start))
  })
})
