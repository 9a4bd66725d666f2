import { fc, test as property } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { hasPrefix } from '../../../../../core/evaluator/has-prefix.ts'
import {
  buildLiteralArnIndex,
  type LiteralArnPattern,
} from '../../../../../core/evaluator/match/literal-arn-index.ts'
import { splitResourceList } from '../../../../../core/evaluator/match/resource.ts'

/** The owners the index finds for an ARN, sorted */
const marked = (patterns: readonly LiteralArnPattern[], arn: string, generate = true): number[] => [
  ...buildLiteralArnIndex(patterns, { generateAfter: generate ? 0 : Number.POSITIVE_INFINITY }).find(arn)
    .owners,
]

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
    expect(marked(patterns, arn, false)).toEqual(owners)
    expect(naive(patterns, arn)).toEqual(owners)
  })

  it('walks with the loop first, then with a generated walk, with the same answers', () => {
    const index = buildLiteralArnIndex<never>(patterns, { generateAfter: 3 })
    const first = index.find
    const answers = () =>
      ['arn:aws:s3:::data-1/k', 'arn:aws:s3:::data-2/a', 'x'].map((a) => index.find(a).owners)
    const before = answers() // three walks: the third one generates
    expect(index.find).not.toBe(first)
    expect(index.find.toString()).toContain('charCodeAt(')
    expect(answers()).toEqual(before)
    expect(before).toEqual([[0, 2, 5], [1, 2], []])
  })

  it('generated walks compare character codes only, so any text in a pattern is safe', () => {
    const odd: LiteralArnPattern[] = [
      { text: 'arn:aws:s3:::b/\'`${x}\\"});throw 1;//', prefix: false, owner: 0 },
      { text: 'arn:aws:s3:::b/\u2028é€/', prefix: true, owner: 1 },
    ]
    for (const generate of [true, false]) {
      expect(marked(odd, odd[0]!.text, generate)).toEqual([0])
      expect(marked(odd, `${odd[1]!.text}key`, generate)).toEqual([1])
      expect(marked(odd, 'arn:aws:s3:::b/', generate)).toEqual([])
    }
  })

  it('an empty prefix matches every ARN', () => {
    expect(marked([{ text: '', prefix: true, owner: 0 }], 'anything')).toEqual([0])
    expect(marked([{ text: '', prefix: false, owner: 0 }], 'anything')).toEqual([])
    expect(marked([{ text: '', prefix: false, owner: 0 }], '')).toEqual([0])
  })

  it('an ARN stops at the same place as every other ARN with the same matches', () => {
    const index = buildLiteralArnIndex<string>(patterns)
    const a = index.find('arn:aws:s3:::data-1/k/a.csv')
    a.memo = 'remembered'
    expect(index.find('arn:aws:s3:::data-1/k/b.csv').memo).toBe('remembered')
    expect(index.find('arn:aws:s3:::data-1/k').memo).toBeUndefined() // also the exact pattern of owner 5
    expect(index.find('arn:aws:s3:::data-2/a').memo).toBeUndefined()
  })

  // A small alphabet makes patterns share starts, so edges are split in every way
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/'), maxLength: 6 })
  const patternArb = fc.record({ text, prefix: fc.boolean(), owner: fc.nat({ max: 5 }) })
  /** ARNs near the patterns: each pattern's text, with one character changed, cut short or extended */
  const nearby = (ps: readonly LiteralArnPattern[], edits: readonly [number, number, string][]): string[] =>
    ps.flatMap((p, i) => {
      const [at, cut, ch] = edits[i % Math.max(1, edits.length)] ?? [0, 0, 'a']
      const k = p.text.length === 0 ? 0 : at % p.text.length
      return [
        p.text,
        p.text.slice(0, k) + ch + p.text.slice(k + 1),
        p.text.slice(0, Math.max(0, p.text.length - cut)),
        p.text + ch,
      ]
    })
  const edit = fc.tuple(fc.nat({ max: 8 }), fc.nat({ max: 3 }), fc.constantFrom('a', 'b', ':', '/', 'c'))
  property.prop(
    [
      fc.array(patternArb, { maxLength: 12 }),
      fc.array(text, { minLength: 1, maxLength: 8 }),
      fc.array(edit, { maxLength: 6 }),
    ],
    { numRuns: 300 },
  )('finds exactly the owners of the patterns that match (same as a naive scan)', (ps, arns, edits) => {
    for (const arn of [...arns, ...nearby(ps, edits)]) {
      expect(marked(ps, arn)).toEqual(naive(ps, arn))
      expect(marked(ps, arn, false)).toEqual(naive(ps, arn))
    }
  })
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
