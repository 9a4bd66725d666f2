/**
 * Statement coverage: for every statement of the suites' fixture policies, how many checks it
 * decided (it is among the statements a check's decision rests on: the report's matched
 * statements, or the reasons of a via hop's AssumeRole). A statement no check relied on is uncovered.
 * @module
 */
import type { CheckResult } from '../../core/suite/index.ts'
import { type FixturePolicy, type StatementRef, statementFinder } from './fixture-policies.ts'

/** The statements one check relied on */
export interface StatementUse {
  readonly suite: string
  readonly statements: readonly StatementRef[]
}

/** One statement's coverage */
export interface StatementCoverage {
  readonly index: number
  readonly sid: string | undefined
  readonly effect: 'Allow' | 'Deny'
  /** 1-based line and column in the policy's file; 0 when unknown */
  readonly line: number
  readonly column: number
  /** Checks that relied on it */
  readonly hits: number
}

/** One policy's coverage */
export interface PolicyCoverage {
  readonly fixture: FixturePolicy
  readonly statements: readonly StatementCoverage[]
}

/** Coverage over every fixture policy */
export interface Coverage {
  readonly policies: readonly PolicyCoverage[]
  readonly total: number
  readonly covered: number
}

/** The statements each result's decisions rest on (every engine that decided) */
export const usesOfResults = (results: readonly CheckResult[]): StatementUse[] =>
  results.map((r) => ({
    suite: r.suite,
    statements: [r.local, r.aws].flatMap((o) => (o && 'decision' in o ? o.matchedStatements : [])),
  }))

/** Counts, per fixture statement, the checks that relied on it */
export const computeCoverage = (
  fixtures: readonly FixturePolicy[],
  uses: readonly StatementUse[],
): Coverage => {
  const find = statementFinder(fixtures)
  const hits = new Map<FixturePolicy, number[]>()
  for (const f of fixtures) hits.set(f, new Array(f.policy.document.statements.length).fill(0))
  for (const use of uses) {
    const counted = new Set<string>()
    for (const statement of use.statements) {
      const found = find(use.suite, statement)
      if (!found) continue
      const counts = hits.get(found.fixture)!
      const key = `${fixtures.indexOf(found.fixture)}:${found.index}`
      if (counted.has(key)) continue
      counted.add(key)
      counts[found.index] = (counts[found.index] ?? 0) + 1
    }
  }
  let total = 0
  let covered = 0
  const policies = fixtures.map((fixture): PolicyCoverage => {
    const counts = hits.get(fixture)!
    const statements = fixture.policy.document.statements.map((s): StatementCoverage => {
      const n = counts[s.index] ?? 0
      total++
      if (n > 0) covered++
      return {
        index: s.index,
        sid: s.sid,
        effect: s.effect,
        line: s.span.line,
        column: s.span.column,
        hits: n,
      }
    })
    return { fixture, statements }
  })
  return { policies, total, covered }
}
