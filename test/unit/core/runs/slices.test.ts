import { describe, expect, it } from 'vitest'
import { DEFAULT_SLICE_SIZE, planSlices, sliceOf } from '../../../../core/runs/slices.ts'

describe('planSlices', () => {
  it.each([
    [0, 500, []],
    [1, 500, [[0, 1]]],
    [500, 500, [[0, 500]]],
    [
      501,
      500,
      [
        [0, 500],
        [500, 501],
      ],
    ],
    [
      7,
      3,
      [
        [0, 3],
        [3, 6],
        [6, 7],
      ],
    ],
  ] as const)('cuts %i checks into slices of %i', (total, size, ranges) => {
    const plans = planSlices(total, size)
    expect(plans.map((p) => [p.start, p.end])).toEqual(ranges)
    expect(plans.map((p) => p.index)).toEqual(ranges.map((_, i) => i))
  })

  it('covers every check exactly once when the run is large', () => {
    const plans = planSlices(20_000)
    expect(plans).toHaveLength(20_000 / DEFAULT_SLICE_SIZE)
    expect(plans.reduce((n, p) => n + (p.end - p.start), 0)).toBe(20_000)
  })

  it('throws when the size or the count is invalid', () => {
    expect(() => planSlices(10, 0)).toThrow(RangeError)
    expect(() => planSlices(-1)).toThrow(RangeError)
    expect(() => planSlices(1.5)).toThrow(RangeError)
  })
})

describe('sliceOf', () => {
  it('returns the items of a slice when given its plan', () => {
    const items = ['a', 'b', 'c', 'd', 'e']
    expect(planSlices(items.length, 2).map((p) => sliceOf(items, p))).toEqual([['a', 'b'], ['c', 'd'], ['e']])
  })
})
