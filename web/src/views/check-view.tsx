/**
 * One check: the local and AWS decisions side by side, the matched statements highlighted in the
 * policy documents of the suite version the run used, the missing context keys, the known cause of a
 * divergence, and the local evaluator's trace, recomputed in the browser (results store no trace).
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { CheckResult, RunDetail, SuiteVersion } from '../api/api-types.ts'
import { getRun, getVersion } from '../api/endpoints.ts'
import { CheckStatusChip, DivergentChip } from '../components/chips.tsx'
import { EngineSide } from '../components/engine-side.tsx'
import { Icon } from '../components/icon.tsx'
import { Breadcrumbs, ErrorMessage, Loading, PageHeader } from '../components/page-parts.tsx'
import { PolicyDocuments } from '../components/policy-documents.tsx'
import { expectedText } from '../components/results-table.tsx'
import { EvaluationTrace } from '../components/trace-tree.tsx'
import { count, decisionText } from '../lib/format.ts'
import { allRunResults } from '../lib/results-store.ts'
import { useAsync } from '../lib/use-async.ts'
import { useTitle } from '../lib/use-title.ts'
import { hrefOf } from '../router/routes.ts'

type Explainer = typeof import('../lib/check-explain.ts')

interface Loaded {
  readonly run: RunDetail
  readonly results: readonly CheckResult[]
  readonly version: SuiteVersion
}

const load = async (runId: string): Promise<Loaded> => {
  const [run, results] = await Promise.all([getRun(runId), allRunResults(runId)])
  const version = await getVersion(run.suiteId, run.suiteVersion)
  return { run, results, version }
}

const decisionOf = (outcome: CheckResult['local']): string | undefined =>
  outcome && 'decision' in outcome ? outcome.decision : undefined

/** The check page */
export const CheckView = ({ runId, n }: { runId: string; n: number }) => {
  const data = useAsync(() => load(runId), [runId])
  const [explainer, setExplainer] = useState<Explainer | undefined>(undefined)
  const [explainError, setExplainError] = useState<unknown>(undefined)
  useEffect(() => {
    import('../lib/check-explain.ts').then(setExplainer, setExplainError)
  }, [])
  const result = data.value?.results[n]
  useTitle(result ? result.case : 'Check')

  const explanation = useMemo(
    () =>
      data.value && explainer && result
        ? explainer.explainCheck(data.value.version.body, data.value.version.format, data.value.results, n)
        : undefined,
    [data.value, explainer, result, n],
  )

  if (data.error) return <ErrorMessage error={data.error} retry={data.reload} />
  if (!data.value) return <Loading what="the check" />
  const { run, results, version } = data.value
  if (!result) {
    return (
      <ErrorMessage
        error={new Error(`This run has ${count(results.length)} checks: there is no check number ${n + 1}.`)}
      />
    )
  }
  const localDecision = decisionOf(result.local)
  const awsDecision = decisionOf(result.aws)
  return (
    <>
      <Breadcrumbs
        items={[
          ['Suites', hrefOf({ name: 'suites' })],
          [run.suiteId, hrefOf({ name: 'suite', id: run.suiteId })],
          [`Run ${run.id}`, hrefOf({ name: 'run', id: run.id })],
          [`Check ${count(n + 1)}`, undefined],
        ]}
      />
      <PageHeader
        title={result.case}
        sub={
          <span class="meta">
            <CheckStatusChip status={result.status} />
            {result.divergent && <DivergentChip />}
            <span>expected {expectedText(result.expected)}</span>
            <span>
              check {count(n + 1)} of {count(results.length)} · suite version {version.version}
            </span>
          </span>
        }
        actions={
          <nav class="pager" aria-label="Checks of this run">
            {n > 0 ? (
              <a class="btn" href={hrefOf({ name: 'check', runId, n: n - 1 })}>
                ← Previous
              </a>
            ) : null}
            {n < results.length - 1 ? (
              <a class="btn" href={hrefOf({ name: 'check', runId, n: n + 1 })}>
                Next →
              </a>
            ) : null}
            <a class="btn" href={hrefOf({ name: 'run', id: runId })}>
              All checks
            </a>
          </nav>
        }
      />
      <dl class="request card">
        <div>
          <dt>Principal</dt>
          <dd class="mono">{result.principal}</dd>
        </div>
        <div>
          <dt>Action</dt>
          <dd class="mono">{result.action}</dd>
        </div>
        <div>
          <dt>Resource</dt>
          <dd class="mono">{result.resource}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd>{expectedText(result.expected)}</dd>
        </div>
      </dl>
      {result.status === 'error' && result.message && (
        <div class="alert alert-bad" role="alert">
          <Icon name="error" />
          {result.message}
        </div>
      )}
      {result.divergent && (
        <div class="alert alert-warn divergence">
          <Icon name="warn" />
          <strong>The engines disagree:</strong> local says {decisionText(localDecision)}, AWS says{' '}
          {decisionText(awsDecision)}.{' '}
          {result.divergenceCause ? (
            <>
              Known cause:{' '}
              <span class="cause-label">
                <span class="mono">{result.divergenceCause}</span>
              </span>{' '}
              — {explainer?.divergenceCauseText(result.divergenceCause) ?? 'a documented simulator behaviour'}
              . Not a fault of the local evaluator.
            </>
          ) : (
            <>No known cause: one of the engines may be wrong here. Worth a look.</>
          )}
        </div>
      )}
      <div class="sides">
        <EngineSide title="Local evaluator" outcome={result.local} other={awsDecision} />
        <EngineSide title="AWS policy simulator" outcome={result.aws} other={localDecision} />
      </div>
      <section class="section" aria-labelledby="docs-title">
        <h2 id="docs-title">Policy documents</h2>
        <p class="dim small">
          From suite version {version.version}; the statements each engine matched are highlighted at their
          lines.
        </p>
        {explainError ? <ErrorMessage error={explainError} /> : null}
        {explanation ? (
          <PolicyDocuments
            body={version.body}
            policies={explanation.policies}
            principalName={explanation.ok ? explanation.principalName : undefined}
            matched={[
              [
                'local',
                result.local && 'matchedStatements' in result.local ? result.local.matchedStatements : [],
              ],
              ['AWS', result.aws && 'matchedStatements' in result.aws ? result.aws.matchedStatements : []],
            ]}
          />
        ) : (
          !explainError && <Loading what="the policy documents" />
        )}
      </section>
      <section class="section" aria-labelledby="trace-title">
        <h2 id="trace-title">How the local evaluator decided</h2>
        <p class="dim small">
          Recomputed in your browser from suite version {version.version} with the full trace.
        </p>
        {explanation && explainer ? (
          <>
            {explanation.ok &&
              localDecision &&
              (explanation.traced.refusedAt !== undefined
                ? explanation.traced.hops[explanation.traced.refusedAt]!.result.decision
                : explanation.traced.final?.decision) !== localDecision && (
                <p class="alert alert-info">
                  <Icon name="info" />
                  The recomputed decision differs from the stored one (the server may type context keys from
                  the condition-key catalog, which the browser does not load).
                </p>
              )}
            {explanation.ok ? (
              <EvaluationTrace traced={explanation.traced} reasonText={explainer.reasonText} />
            ) : (
              <p class="alert alert-info">
                <Icon name="info" />
                No trace: {explanation.message}.
              </p>
            )}
          </>
        ) : (
          !explainError && <Loading what="the evaluator" />
        )}
      </section>
    </>
  )
}
