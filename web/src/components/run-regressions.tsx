/**
 * The regressions of a run since the suite's previous completed run: new failures, new divergences
 * and changed decisions, each linking to its check.
 * @module
 */
import { useMemo } from 'preact/hooks'
import type { CheckResult, Regression, RunDetail } from '../api/api-types.ts'
import { decisionText, shortArn } from '../lib/format.ts'
import { hrefOf } from '../router/routes.ts'
import { Chip } from './chips.tsx'
import type { IconName } from './icon.tsx'

const REGRESSION_LABEL: Readonly<Record<Regression['kind'], [IconName, string]>> = {
  newFailure: ['cross', 'new failure'],
  newDivergence: ['warn', 'new divergence'],
  decisionFlip: ['swap', 'decision changed'],
}

/** The key that finds a regression's check among the results */
const checkKey = (r: { case: string; principal: string; action: string; resource: string }): string =>
  `${r.case}\u0000${r.principal}\u0000${r.action}\u0000${r.resource}`

const stateText = (s: { status: string; divergent: boolean; decision?: string }): string =>
  `${s.status}${s.decision ? ` (${decisionText(s.decision)})` : ''}${s.divergent ? ', divergent' : ''}`

/** The regressions section of the run page */
export const Regressions = ({ run, results }: { run: RunDetail; results: readonly CheckResult[] }) => {
  const indexByKey = useMemo(() => {
    const map = new Map<string, number>()
    results.forEach((r, i) => {
      if (!map.has(checkKey(r))) map.set(checkKey(r), i)
    })
    return map
  }, [results])
  return (
    <section class="section" aria-labelledby="regressions-title">
      <div class="section-head">
        <h2 id="regressions-title">
          Regressions since the previous run{' '}
          <span class={`count-badge ${run.regressions.length ? 'count-badge-bad' : ''}`}>
            {run.regressions.length}
          </span>
        </h2>
        {run.previousRunId && (
          <a href={hrefOf({ name: 'run', id: run.previousRunId })} class="small">
            Previous run
          </a>
        )}
      </div>
      {run.regressions.length === 0 ? (
        <p class="dim">
          {run.previousRunId
            ? 'Nothing got worse since the previous run.'
            : 'This is the first completed run of this suite: nothing to compare with yet.'}
        </p>
      ) : (
        <ul class="regressions">
          {run.regressions.map((g, i) => {
            const index = indexByKey.get(checkKey(g))
            const [icon, label] = REGRESSION_LABEL[g.kind]
            const body = (
              <>
                <Chip tone={g.kind === 'newDivergence' ? 'warn' : 'bad'} icon={icon} label={label} />
                <span class="regression-case">{g.case}</span>
                <span class="mono small dim regression-request">
                  {shortArn(g.principal)} · {g.action} · {shortArn(g.resource)}
                </span>
                <span class="small regression-change">
                  {stateText(g.before)} <span aria-hidden="true">→</span>
                  <span class="sr-only">, now</span> <strong>{stateText(g.after)}</strong>
                </span>
              </>
            )
            return (
              <li key={i}>
                {index !== undefined ? (
                  <a class="regression" href={hrefOf({ name: 'check', runId: run.id, n: index })}>
                    {body}
                  </a>
                ) : (
                  <div class="regression">{body}</div>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
