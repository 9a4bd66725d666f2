import { describe, expect, it } from 'vitest'
import { type BatchItem, planCalls } from '../../../../core/aws/batching.ts'
import type { Simulation } from '../../../../core/aws/plan-check.ts'

const simulation = (key: string): Simulation => ({
  api: 'SimulateCustomPolicy',
  policies: [],
  contextEntries: [],
  knownPolicies: [],
  key,
})

const items = (key: string, pairs: [string, string][], start = 0): BatchItem[] =>
  pairs.map(([action, resource], i) => ({ index: start + i, simulation: simulation(key), action, resource }))

const matrix = (actions: number, resources: number): [string, string][] =>
  Array.from({ length: actions * resources }, (_, i) => [
    `s:A${Math.floor(i / resources)}`,
    `r${i % resources}`,
  ])

describe('planCalls', () => {
  it('covers a full matrix with one call', () => {
    const calls = planCalls(items('k', matrix(10, 20)), 1_000)
    expect(calls).toHaveLength(1)
    expect([calls[0]!.actions.length, calls[0]!.resources.length, calls[0]!.checks.length]).toEqual([
      10, 20, 200,
    ])
  })

  it('keeps simulations with different keys apart', () => {
    const calls = planCalls([...items('a', [['s:A', 'r']]), ...items('b', [['s:A', 'r']], 1)], 1_000)
    expect(calls.map((c) => c.checks)).toEqual([[0], [1]])
  })

  it('merges sparse pairs while the merged call fits a page', () => {
    const calls = planCalls(
      items('k', [
        ['s:A', 'r1'],
        ['s:B', 'r1'],
        ['s:C', 'r2'],
        ['s:D', 'r3'],
      ]),
      1_000,
    )
    expect(calls).toHaveLength(1)
    expect([...calls[0]!.checks].sort()).toEqual([0, 1, 2, 3])
  })

  it('does not merge rectangles when the merge would cost more pages', () => {
    const a = matrix(10, 10).map(([x, r]): [string, string] => [x, `a-${r}`])
    const b = matrix(10, 10).map(([x, r]): [string, string] => [x.replace('A', 'B'), `b-${r}`])
    expect(planCalls(items('k', [...a, ...b]), 100)).toHaveLength(2)
    expect(planCalls(items('k', [...a, ...b]), 1_000)).toHaveLength(1)
  })

  it('answers repeated pairs from one call', () => {
    const calls = planCalls(
      items('k', [
        ['s:A', 'r'],
        ['s:A', 'r'],
      ]),
      1_000,
    )
    expect(calls).toEqual([expect.objectContaining({ actions: ['s:A'], resources: ['r'], checks: [0, 1] })])
  })

  it('needs no more calls than 1 per 20 checks for a 2,000-check matrix', () => {
    expect(planCalls(items('k', matrix(40, 50)), 1_000).length).toBeLessThanOrEqual(100)
    expect(planCalls(items('k', matrix(40, 50)), 1_000)).toHaveLength(1)
  })
})
