/**
 * Coverage for people: a percentage line, each policy with its statements (`file:line:column`,
 * index, Sid, effect, how many checks relied on it), then the uncovered statements on their own.
 * @module
 */
import { formatPlace } from '../../core/policy/index.ts'
import type { Palette } from '../colors.ts'
import type { Coverage, PolicyCoverage, StatementCoverage } from './compute-coverage.ts'

const place = (p: PolicyCoverage, s: StatementCoverage): string =>
  p.fixture.file && s.line > 0 ? formatPlace(p.fixture.file, s) : (p.fixture.file ?? p.fixture.path)

const statementName = (s: StatementCoverage): string => `#${s.index}${s.sid ? ` ${s.sid}` : ''} (${s.effect})`

const policyTitle = (p: PolicyCoverage): string =>
  `${p.fixture.suite} ${p.fixture.path} \`${p.fixture.policy.name}\` (${p.fixture.kind}${p.fixture.fromAccount ? ', from the account' : ''})`

/** The percentage of covered statements, one decimal */
export const coveragePercent = (coverage: Coverage): string =>
  coverage.total === 0 ? '100.0' : ((coverage.covered / coverage.total) * 100).toFixed(1)

/** Formats coverage, ending with a newline */
export const formatCoverage = (coverage: Coverage, c: Palette): string => {
  const lines = [
    c.bold(
      `Statement coverage: ${coverage.covered} of ${coverage.total} statements exercised (${coveragePercent(coverage)}%)`,
    ),
  ]
  for (const p of coverage.policies) {
    lines.push(`  ${policyTitle(p)}`)
    for (const s of p.statements) {
      const mark = s.hits > 0 ? c.green('✓') : c.red('✗')
      const count = s.hits > 0 ? `${s.hits} check${s.hits === 1 ? '' : 's'}` : c.red('not exercised')
      lines.push(`    ${mark} ${place(p, s)} ${statementName(s)}: ${count}`)
    }
  }
  const uncovered = coverage.policies.flatMap((p) =>
    p.statements.filter((s) => s.hits === 0).map((s) => ({ p, s })),
  )
  if (uncovered.length > 0) {
    lines.push('', c.bold(`Uncovered statements (${uncovered.length}):`))
    for (const { p, s } of uncovered)
      lines.push(`  ${place(p, s)} ${p.fixture.suite} ${p.fixture.path} ${statementName(s)}`)
  }
  return `${lines.join('\n')}\n`
}
