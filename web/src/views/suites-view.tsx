/**
 * Every suite of the team: tags, the last run (counts, when, what triggered it) and a sparkline of the
 * pass rate over recent runs; filtered by tag, health and name.
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { SuiteSummary } from '../api/api-types.ts'
import { listRuns, listSuites } from '../api/endpoints.ts'
import { Icon } from '../components/icon.tsx'
import { ErrorMessage, Loading, PageHeader } from '../components/page-parts.tsx'
import { RunOutcomeChip, SummaryCounts } from '../components/run-summary.tsx'
import { Sparkline } from '../components/sparkline.tsx'
import { count, dateTime, passRate, relativeTime, triggerText } from '../lib/format.ts'
import { healthOf, SUITE_HEALTHS, type SuiteHealth } from '../lib/suite-health.ts'
import { useAsync } from '../lib/use-async.ts'
import { hrefOf } from '../router/routes.ts'

const SPARK_RUNS = 20
const sparkCache = new Map<string, readonly number[]>()

/** Pass rates of each suite's recent runs (oldest first), fetched a few suites at a time */
const useSparklines = (
  suites: readonly SuiteSummary[] | undefined,
): ReadonlyMap<string, readonly number[]> => {
  const [rates, setRates] = useState<ReadonlyMap<string, readonly number[]>>(() => new Map(sparkCache))
  useEffect(() => {
    if (!suites) return
    let live = true
    const queue = suites.filter((s) => s.lastRun).map((s) => s)
    const worker = async (): Promise<void> => {
      for (let s = queue.shift(); s && live; s = queue.shift()) {
        const key = `${s.id}@${s.lastRun?.id}`
        if (sparkCache.has(key)) continue
        try {
          const runs = await listRuns(s.id, SPARK_RUNS)
          const values = runs
            .filter((r) => r.status === 'completed' && r.summary)
            .map((r) => passRate(r.summary!))
            .filter((v): v is number => v !== undefined)
            .reverse()
          sparkCache.set(key, values)
          if (live) setRates((m) => new Map(m).set(key, values))
        } catch {
          // a sparkline is decoration: the row still says everything without it
        }
      }
    }
    void Promise.all([worker(), worker(), worker(), worker()])
    return () => {
      live = false
    }
  }, [suites])
  return rates
}

/** The suites list */
export const SuitesView = () => {
  const suites = useAsync(listSuites, [])
  const [tag, setTag] = useState('')
  const [health, setHealth] = useState<SuiteHealth | ''>('')
  const [search, setSearch] = useState('')
  const rates = useSparklines(suites.value)

  const tags = useMemo(
    () => [...new Set((suites.value ?? []).flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b)),
    [suites.value],
  )
  const healthCounts = useMemo(() => {
    const counts = new Map<SuiteHealth, number>()
    for (const s of suites.value ?? [])
      counts.set(healthOf(s.lastRun), (counts.get(healthOf(s.lastRun)) ?? 0) + 1)
    return counts
  }, [suites.value])
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return (suites.value ?? []).filter(
      (s) =>
        (!tag || s.tags.includes(tag)) &&
        (!health || healthOf(s.lastRun) === health) &&
        (!needle || `${s.id} ${s.description ?? ''}`.toLowerCase().includes(needle)),
    )
  }, [suites.value, tag, health, search])

  const total = suites.value?.length ?? 0
  return (
    <>
      <PageHeader
        title="Suites"
        sub={
          suites.value && (
            <span>
              {count(total)} suite{total === 1 ? '' : 's'}
              {(['failing', 'divergent', 'error'] as const).map((h) =>
                healthCounts.get(h) ? (
                  <span key={h}>
                    {' · '}
                    <button type="button" class="link-button" onClick={() => setHealth(h)}>
                      {healthCounts.get(h)} {SUITE_HEALTHS.find((x) => x.value === h)!.label.toLowerCase()}
                    </button>
                  </span>
                ) : null,
              )}
            </span>
          )
        }
        actions={
          <a class="btn btn-primary" href={hrefOf({ name: 'new-suite' })}>
            <Icon name="plus" />
            New suite
          </a>
        }
      />
      <search class="toolbar" aria-label="Filter suites">
        <label class="field field-inline field-grow">
          <span class="field-label">Search</span>
          <input
            type="search"
            placeholder="Suite name or description"
            value={search}
            onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field field-inline">
          <span class="field-label">Tag</span>
          <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label class="field field-inline">
          <span class="field-label">Status</span>
          <select
            value={health}
            onChange={(e) => setHealth((e.target as HTMLSelectElement).value as SuiteHealth)}
          >
            <option value="">Any status</option>
            {SUITE_HEALTHS.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label} ({healthCounts.get(h.value) ?? 0})
              </option>
            ))}
          </select>
        </label>
        {(tag || health || search) && (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => {
              setTag('')
              setHealth('')
              setSearch('')
            }}
          >
            Clear filters
          </button>
        )}
      </search>
      {suites.error ? <ErrorMessage error={suites.error} retry={suites.reload} /> : null}
      {suites.loading && !suites.value ? <Loading what="suites" /> : null}
      {suites.value && shown.length === 0 && (
        <div class="empty-state">
          {total === 0 ? (
            <>
              <h2>No suites yet</h2>
              <p>Write your first policy test suite, or start from an example.</p>
              <a class="btn btn-primary" href={hrefOf({ name: 'new-suite' })}>
                New suite
              </a>
            </>
          ) : (
            <p>No suite matches these filters.</p>
          )}
        </div>
      )}
      {shown.length > 0 && (
        <div class="card card-flush">
          <table class="table suites-table">
            <caption class="sr-only">Suites and their last runs</caption>
            <thead>
              <tr>
                <th scope="col">Suite</th>
                <th scope="col">Tags</th>
                <th scope="col">Last run</th>
                <th scope="col">Checks</th>
                <th scope="col">When</th>
                <th scope="col">Pass rate</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id}>
                  <td class="suite-cell">
                    <a class="suite-link" href={hrefOf({ name: 'suite', id: s.id })}>
                      {s.id}
                    </a>
                    <span class="version-badge" title={`version ${s.version}`}>
                      v{s.version}
                    </span>
                    {s.description && <div class="dim small clamp">{s.description}</div>}
                  </td>
                  <td data-label="Tags">
                    <span class="tags">
                      {s.tags.map((t) => (
                        <button
                          key={t}
                          type="button"
                          class={`tag ${t === tag ? 'tag-on' : ''}`}
                          onClick={() => setTag(t === tag ? '' : t)}
                          aria-pressed={t === tag}
                          title={`Show suites tagged ${t}`}
                        >
                          {t}
                        </button>
                      ))}
                    </span>
                  </td>
                  <td data-label="Last run">
                    {s.lastRun ? (
                      <a href={hrefOf({ name: 'run', id: s.lastRun.id })} class="plain-link">
                        <RunOutcomeChip run={s.lastRun} />
                      </a>
                    ) : (
                      <span class="dim">never run</span>
                    )}
                  </td>
                  <td data-label="Checks">{s.lastRun ? <SummaryCounts run={s.lastRun} /> : null}</td>
                  <td data-label="When">
                    {s.lastRun && (
                      <>
                        <time dateTime={s.lastRun.createdAt} title={dateTime(s.lastRun.createdAt)}>
                          {relativeTime(s.lastRun.createdAt)}
                        </time>
                        <div class="dim small">{triggerText(s.lastRun.trigger)}</div>
                      </>
                    )}
                  </td>
                  <td data-label="Pass rate">
                    {s.lastRun ? (
                      <a href={hrefOf({ name: 'trends', id: s.id })} class="plain-link" title="Trends">
                        {rates.has(`${s.id}@${s.lastRun.id}`) ? (
                          <Sparkline values={rates.get(`${s.id}@${s.lastRun.id}`)!} />
                        ) : (
                          <span class="spark-placeholder" role="img" aria-label="loading pass rates" />
                        )}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
