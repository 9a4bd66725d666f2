/**
 * A run: its summary, the regressions since the previous run, then every check in a filterable,
 * searchable, virtualized table. A queued or running run is polled until it finishes.
 * @module
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { getRun } from '../api/endpoints.ts'
import { RunStatusChip } from '../components/chips.tsx'
import { Icon, type IconName } from '../components/icon.tsx'
import { Breadcrumbs, ErrorMessage, Loading, PageHeader } from '../components/page-parts.tsx'
import { ResultsTable } from '../components/results-table.tsx'
import { Regressions } from '../components/run-regressions.tsx'
import { SummaryStats } from '../components/summary-stats.tsx'
import { count, dateTime, relativeTime, runDuration, shortArn, triggerText } from '../lib/format.ts'
import {
  facetOf,
  filterResults,
  NO_FILTER,
  type ResultFilter,
  STATUS_FILTERS,
  type StatusFilter,
  statusCounts,
} from '../lib/results-filter.ts'
import { discardRunResults, prefetchRunResults, useRunResults } from '../lib/results-store.ts'
import { useAsync } from '../lib/use-async.ts'
import { hrefOf } from '../router/routes.ts'

/** Filters and scroll position per run, kept while the tab lives so "back" returns to the same view */
const viewState = new Map<string, { filter: ResultFilter; scrollTop: number }>()

const POLL_MS = 1000

const STATUS_LABEL: Readonly<Record<StatusFilter, [IconName, string]>> = {
  failed: ['cross', 'Failed'],
  divergent: ['warn', 'Divergent'],
  skipped: ['skip', 'Skipped'],
  error: ['error', 'Error'],
}

/** The run page */
export const RunView = ({ id }: { id: string }) => {
  const prefetched = useRef(false)
  const run = useAsync(() => {
    // the first page of results need not wait for the run's own answer (later polls do not prefetch)
    if (!prefetched.current) prefetchRunResults(id)
    prefetched.current = true
    return getRun(id).then((detail) => {
      if (detail.status !== 'completed') discardRunResults(id)
      return detail
    })
  }, [id])
  const finished = run.value?.status === 'completed' || run.value?.status === 'failed'
  const results = useRunResults(id, run.value?.status === 'completed')
  const saved = viewState.get(id)
  const [filter, setFilter] = useState<ResultFilter>(saved?.filter ?? NO_FILTER)

  useEffect(() => {
    if (!run.value || finished) return
    const timer = setTimeout(run.reload, POLL_MS)
    return () => clearTimeout(timer)
  }, [run.value, finished, run.reload])

  const update = (next: Partial<ResultFilter>): void => {
    const merged = { ...filter, ...next }
    setFilter(merged)
    viewState.set(id, { filter: merged, scrollTop: 0 })
  }
  const toggle = (status: StatusFilter): void =>
    update({
      statuses: filter.statuses.includes(status)
        ? filter.statuses.filter((s) => s !== status)
        : [...filter.statuses, status],
    })

  const items = results.items
  const indexes = useMemo(() => filterResults(items, filter), [items, filter])
  const counts = useMemo(() => (results.done ? statusCounts(items) : undefined), [items, results.done])
  const principals = useMemo(() => (results.done ? facetOf(items, 'principal') : []), [items, results.done])
  const actions = useMemo(() => (results.done ? facetOf(items, 'action') : []), [items, results.done])

  if (run.error && !run.value) return <ErrorMessage error={run.error} retry={run.reload} />
  if (!run.value) return <Loading what="the run" />
  const r = run.value
  const duration = runDuration(r)
  const filtered =
    filter.statuses.length > 0 || filter.principal !== '' || filter.action !== '' || filter.search !== ''

  return (
    <>
      <Breadcrumbs
        items={[
          ['Suites', hrefOf({ name: 'suites' })],
          [r.suiteId, hrefOf({ name: 'suite', id: r.suiteId })],
          [`Run ${r.id}`, undefined],
        ]}
      />
      <PageHeader
        title={
          <>
            Run of <a href={hrefOf({ name: 'suite', id: r.suiteId })}>{r.suiteId}</a>
          </>
        }
        sub={
          <span class="meta">
            <RunStatusChip status={r.status} />
            <span>version {r.suiteVersion}</span>
            <span>
              <time dateTime={r.createdAt} title={dateTime(r.createdAt)}>
                {relativeTime(r.createdAt)}
              </time>
            </span>
            <span>{triggerText(r.trigger)}</span>
            <span>engines: {r.engines.join(' + ') || '—'}</span>
            {duration && <span>took {duration}</span>}
          </span>
        }
        actions={
          <a class="btn" href={hrefOf({ name: 'trends', id: r.suiteId })}>
            <Icon name="chart" />
            Trends
          </a>
        }
      />
      {r.status === 'failed' && (
        <div class="alert alert-bad" role="alert">
          <Icon name="error" />
          The run failed{r.error ? `: ${r.error}` : '.'}
        </div>
      )}
      {!finished && (
        <div class="alert alert-info" role="status">
          <span class="spinner" aria-hidden="true" /> The run is {r.status}. This page updates when it
          finishes.
        </div>
      )}
      {r.status === 'completed' && (
        <>
          {r.summary && (
            <SummaryStats
              summary={r.summary}
              onPick={(status) => update({ ...NO_FILTER, statuses: status ? [status] : [] })}
            />
          )}
          <Regressions run={r} results={items} />
          <section class="section" aria-labelledby="checks-title">
            <div class="section-head">
              <h2 id="checks-title">Checks</h2>
              {!results.done && (
                <span class="dim small" role="status">
                  <span class="spinner" aria-hidden="true" /> loading results… {count(items.length)} so far
                </span>
              )}
            </div>
            {results.error ? <ErrorMessage error={results.error} /> : null}
            <search class="toolbar" aria-label="Filter checks">
              <fieldset class="toggle-group">
                <legend class="sr-only">Show only checks that are</legend>
                {STATUS_FILTERS.map((s) => {
                  const [icon, label] = STATUS_LABEL[s]
                  const on = filter.statuses.includes(s)
                  return (
                    <button
                      key={s}
                      type="button"
                      class={`toggle ${on ? 'toggle-on' : ''}`}
                      aria-pressed={on}
                      onClick={() => toggle(s)}
                    >
                      <Icon name={icon} />
                      {label}
                      {counts && <span class="toggle-count">{count(counts[s])}</span>}
                    </button>
                  )
                })}
              </fieldset>
              <label class="field field-inline">
                <span class="field-label">Principal</span>
                <select
                  value={filter.principal}
                  onChange={(e) => update({ principal: (e.target as HTMLSelectElement).value })}
                >
                  <option value="">All principals</option>
                  {principals.map((p) => (
                    <option key={p.value} value={p.value}>
                      {shortArn(p.value)} ({count(p.count)})
                    </option>
                  ))}
                </select>
              </label>
              <label class="field field-inline">
                <span class="field-label">Action</span>
                <select
                  value={filter.action}
                  onChange={(e) => update({ action: (e.target as HTMLSelectElement).value })}
                >
                  <option value="">All actions</option>
                  {actions.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.value} ({count(a.count)})
                    </option>
                  ))}
                </select>
              </label>
              <label class="field field-inline field-grow">
                <span class="field-label">Search</span>
                <input
                  type="search"
                  placeholder="Case, principal, action or resource"
                  value={filter.search}
                  onInput={(e) => update({ search: (e.target as HTMLInputElement).value })}
                />
              </label>
              {filtered && (
                <button type="button" class="btn btn-quiet" onClick={() => update(NO_FILTER)}>
                  Clear filters
                </button>
              )}
            </search>
            <ResultsTable
              results={items}
              indexes={indexes}
              label={`Checks of run ${r.id}`}
              hrefFor={(n) => hrefOf({ name: 'check', runId: r.id, n })}
              initialScrollTop={saved?.scrollTop}
              onScrollTopChange={(top) => viewState.set(id, { filter, scrollTop: top })}
            />
          </section>
        </>
      )}
    </>
  )
}
