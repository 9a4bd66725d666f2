/**
 * The policy documents of a check, from the suite text the run used, with the statements each engine
 * matched highlighted at their lines and labelled by engine and effect.
 * @module
 */
import type { ReportedStatement } from '../../../core/suite/index.ts'
import type { PolicyLines, StatementLines } from '../lib/check-explain.ts'
import { Icon } from './icon.tsx'

/** Which engine matched a statement */
export type EngineLabel = 'local' | 'AWS'

interface Mark {
  readonly engine: EngineLabel
  readonly effect: 'Allow' | 'Deny'
  readonly line: number
  readonly endLine: number
}

interface Placed {
  readonly policy: PolicyLines
  readonly marks: Mark[]
}

const statementOf = (policy: PolicyLines, index: number): StatementLines | undefined =>
  policy.statements.find((s) => s.index === index)

/** Finds the document and lines of a matched statement: by its position, else by policy name and index */
const place = (
  policies: readonly PolicyLines[],
  m: ReportedStatement,
): [PolicyLines, number, number] | undefined => {
  if (m.position) {
    const { line, endLine } = m.position
    const containing = policies
      .filter((p) => p.line <= line && endLine <= p.endLine)
      .sort((a, b) => a.endLine - a.line - (b.endLine - b.line))[0]
    if (containing) return [containing, line, endLine]
  }
  const byName = policies.find((p) => p.name === m.policy && statementOf(p, m.index))
  const statement = byName && statementOf(byName, m.index)
  return byName && statement ? [byName, statement.line, statement.endLine] : undefined
}

/** The lines of the suite text that hold a policy document */
const DocumentLines = ({ lines, placed }: { lines: readonly string[]; placed: Placed }) => {
  const { policy, marks } = placed
  const rows = []
  for (let line = policy.line; line <= policy.endLine && line <= lines.length; line++) {
    const here = marks.filter((m) => m.line <= line && line <= m.endLine)
    const starts = marks.filter((m) => m.line === line)
    const effect = here.some((m) => m.effect === 'Deny') ? 'deny' : here.length ? 'allow' : ''
    rows.push(
      <tr key={line} id={`src-line-${line}`} class={effect ? `doc-hit doc-hit-${effect}` : undefined}>
        <td class="doc-num">{line}</td>
        <td class="doc-code">{lines[line - 1] || ' '}</td>
        <td class="doc-marks">
          {starts.map((m, i) => (
            <span key={i} class={`doc-mark doc-mark-${m.effect.toLowerCase()}`}>
              <Icon name={m.effect === 'Deny' ? 'cross' : 'check'} />
              {m.engine} · {m.effect}
            </span>
          ))}
        </td>
      </tr>,
    )
  }
  return (
    <figure class="doc">
      <figcaption class="doc-head">
        <span class="mono doc-name">{policy.name}</span>
        <span class="dim small">{policy.where}</span>
        <span class="dim small">
          lines {policy.line}–{policy.endLine}
        </span>
      </figcaption>
      <div class="doc-scroll">
        <table class="doc-lines">
          <tbody>{rows}</tbody>
        </table>
      </div>
    </figure>
  )
}

/** The documents with each engine's matched statements marked */
export const PolicyDocuments = ({
  body,
  policies,
  matched,
  principalName,
}: {
  body: string
  policies: readonly PolicyLines[]
  matched: readonly (readonly [EngineLabel, readonly ReportedStatement[]])[]
  principalName?: string
}) => {
  const lines = body.split('\n')
  const placed = new Map<PolicyLines, Placed>()
  const unplaced: [EngineLabel, ReportedStatement][] = []
  for (const [engine, statements] of matched) {
    for (const m of statements) {
      const where = place(policies, m)
      if (!where) {
        unplaced.push([engine, m])
        continue
      }
      const [policy, line, endLine] = where
      const entry = placed.get(policy) ?? { policy, marks: [] }
      entry.marks.push({ engine, effect: m.effect, line, endLine })
      placed.set(policy, entry)
    }
  }
  const shown = [...placed.values()].sort((a, b) => a.policy.line - b.policy.line)
  const fallback =
    shown.length === 0 && principalName
      ? policies.filter((p) => p.principal === principalName).map((policy) => ({ policy, marks: [] }))
      : []
  return (
    <div class="docs">
      {shown.length === 0 && (
        <p class="dim">
          No statement matched on either engine: nothing allowed or denied the request explicitly.
          {fallback.length > 0 ? ' These are the principal’s own policies:' : ''}
        </p>
      )}
      {[...shown, ...fallback].map((p) => (
        <DocumentLines key={`${p.policy.line}`} lines={lines} placed={p} />
      ))}
      {unplaced.length > 0 && (
        <div class="small">
          <p class="dim">Matched statements outside the suite text (resolved from the account):</p>
          <ul>
            {unplaced.map(([engine, m], i) => (
              <li key={i}>
                {engine}: <span class="mono">{m.policy}</span>{' '}
                {m.sid ? `Sid ${m.sid}` : `statement #${m.index}`} ({m.effect})
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
