import { describe, expect, it } from 'vitest'
import { palette } from '../../../../cli/colors.ts'
import { computeCoverage, usesOfResults } from '../../../../cli/coverage/compute-coverage.ts'
import {
  fixturePolicies,
  statementFinder,
  statementLocator,
} from '../../../../cli/coverage/fixture-policies.ts'
import { coveragePercent, formatCoverage } from '../../../../cli/coverage/format-coverage.ts'
import { loadUnitSuite, result } from '../cli-fixtures.ts'

const suite = loadUnitSuite()
const fixtures = fixturePolicies(suite)

describe('fixturePolicies', () => {
  it('lists every policy with its path, kind and file when given a suite', () => {
    expect(fixtures.map((f) => [f.path, f.kind, f.policy.name, f.file, f.inline])).toEqual([
      ['principals.dev.policies[0]', 'identity', 'base', 'suites/unit.iamspec.yaml', true],
      ['principals.ops.policies[0]', 'identity', 'base', 'suites/unit.iamspec.yaml', true],
    ])
  })
})

describe('statementFinder', () => {
  const find = statementFinder(fixtures)

  it('tells policies apart by the statement position when they share a name', () => {
    const ops = fixtures[1]!.policy.document.statements[0]!.span
    expect(find('unit', { policy: 'base', index: 0, position: ops })?.fixture).toBe(fixtures[1])
    expect(find('unit', { policy: 'base', index: 0, position: { line: 10, column: 15 } })?.fixture).toBe(
      fixtures[0],
    )
  })

  it('finds nothing when the policy, index or suite is unknown', () => {
    expect(find('unit', { policy: 'nope', index: 0 })).toBeUndefined()
    expect(find('unit', { policy: 'base', index: 5 })).toBeUndefined()
    expect(find('other', { policy: 'base', index: 0 })).toBeUndefined()
  })

  it('places a statement as file:line:column when its position is known', () => {
    expect(
      statementLocator(find)('unit', { policy: 'base', index: 1, position: { line: 14, column: 15 } }),
    ).toBe('suites/unit.iamspec.yaml:14:15')
  })
})

describe('computeCoverage', () => {
  it('counts each check once per statement when checks rely on statements', () => {
    const uses = usesOfResults([
      result(),
      result(),
      result({ local: { decision: 'implicitDeny', matchedStatements: [], missingContextKeys: [] } }),
    ])
    const coverage = computeCoverage(fixtures, [
      ...uses,
      {
        suite: 'unit',
        statements: [
          { policy: 'base', index: 1 },
          { policy: 'base', index: 1 },
        ],
      },
    ])
    expect(coverage.total).toBe(3)
    expect(coverage.covered).toBe(2)
    expect(coverage.policies.map((p) => p.statements.map((s) => [s.sid, s.hits]))).toEqual([
      [
        ['Work', 2],
        ['NoDelete', 1],
      ],
      [[undefined, 0]],
    ])
    expect(coveragePercent(coverage)).toBe('66.7')
  })

  it('reports full coverage when there are no fixtures', () => {
    expect(coveragePercent(computeCoverage([], []))).toBe('100.0')
  })
})

describe('formatCoverage', () => {
  it('lists statements with positions, then the uncovered ones, when formatting', () => {
    const text = formatCoverage(computeCoverage(fixtures, usesOfResults([result()])), palette(false))
    expect(text.split('\n')).toEqual([
      'Statement coverage: 1 of 3 statements exercised (33.3%)',
      '  unit principals.dev.policies[0] `base` (identity)',
      '    ✓ suites/unit.iamspec.yaml:10:15 #0 Work (Allow): 1 check',
      '    ✗ suites/unit.iamspec.yaml:14:15 #1 NoDelete (Deny): not exercised',
      '  unit principals.ops.policies[0] `base` (identity)',
      '    ✗ suites/unit.iamspec.yaml:25:15 #0 (Allow): not exercised',
      '',
      'Uncovered statements (2):',
      '  suites/unit.iamspec.yaml:14:15 unit principals.dev.policies[0] #1 NoDelete (Deny)',
      '  suites/unit.iamspec.yaml:25:15 unit principals.ops.policies[0] #0 (Allow)',
      '',
    ])
  })
})
