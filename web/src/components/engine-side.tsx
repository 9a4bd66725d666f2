/**
 * One engine's side of a check: its decision, the hop that refused a role chain, the statements it
 * matched (each linking to its line in the policy documents) and the context keys it missed.
 * @module
 */
import type { CheckResult } from '../api/api-types.ts'
import { decisionText } from '../lib/format.ts'
import { Chip, DecisionChip, SkippedChip } from './chips.tsx'
import { Icon } from './icon.tsx'

/** One engine's side */
export const EngineSide = ({
  title,
  outcome,
  other,
}: {
  title: string
  outcome: CheckResult['local']
  other?: string
}) => {
  return (
    <section class="card engine" aria-label={`${title} engine`}>
      <h2 class="engine-title">{title}</h2>
      {!outcome ? (
        <p class="dim">This engine did not run on this check.</p>
      ) : 'skipped' in outcome ? (
        <>
          <SkippedChip />
          <p class="small">{outcome.skipped}</p>
        </>
      ) : (
        <>
          <div class="engine-decision">
            <DecisionChip decision={outcome.decision} />
            {other && other !== outcome.decision && (
              <span class="dim small">the other engine: {decisionText(other)}</span>
            )}
          </div>
          {outcome.hop && (
            <p class="small">
              <Icon name="chain" />
              Refused at role-chain hop {outcome.hop.index + 1}:{' '}
              <span class="mono">{outcome.hop.action}</span> on <span class="mono">{outcome.hop.role}</span>
            </p>
          )}
          <h3>Matched statements</h3>
          {outcome.matchedStatements.length === 0 ? (
            <p class="dim small">None: no statement allowed or denied the request.</p>
          ) : (
            <ul class="statements">
              {outcome.matchedStatements.map((m, i) => (
                <li key={i}>
                  <Chip
                    tone={m.effect === 'Deny' ? 'bad' : 'ok'}
                    icon={m.effect === 'Deny' ? 'cross' : 'check'}
                    label={m.effect}
                  />{' '}
                  <span class="mono">{m.policy}</span>{' '}
                  <span class="dim">
                    {m.sid ? `Sid ${m.sid}` : `statement #${m.index}`}
                    {m.policyType ? ` · ${m.policyType}` : ''}
                  </span>
                  {m.position && (
                    <a
                      class="small stmt-line"
                      href={`#src-line-${m.position.line}`}
                      onClick={jumpTo(m.position.line)}
                    >
                      line {m.position.line}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h3>Missing context keys</h3>
          {outcome.missingContextKeys.length === 0 ? (
            <p class="dim small">None: every key a condition asked for was in the request.</p>
          ) : (
            <ul class="key-list">
              {outcome.missingContextKeys.map((k) => (
                <li key={k} class="mono">
                  {k}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

/** Scrolls to a line of the policy documents without touching the hash route */
export const jumpTo = (line: number) => (event: Event) => {
  event.preventDefault()
  const row = document.getElementById(`src-line-${line}`)
  if (!row) return
  row.scrollIntoView({ block: 'center', behavior: 'smooth' })
  row.classList.add('doc-flash')
  setTimeout(() => row.classList.remove('doc-flash'), 1200)
}
