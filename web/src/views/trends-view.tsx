/**
 * A suite's trends: pass rate and divergent checks per run over time (uPlot), and the same numbers
 * as a table for screen readers and exact reading.
 * @module
 */
import 'uplot/dist/uPlot.min.css'
import { useEffect, useMemo, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import type { RunSummaryItem } from '../api/api-types.ts'
import { listRuns } from '../api/endpoints.ts'
import { Breadcrumbs, ErrorMessage, Loading, PageHeader } from '../components/page-parts.tsx'
import { RunOutcomeChip } from '../components/run-summary.tsx'
import { count, dateTime, passRate, percent } from '../lib/format.ts'
import { useAsync } from '../lib/use-async.ts'
import { useTitle } from '../lib/use-title.ts'
import { hrefOf } from '../router/routes.ts'

const MAX_RUNS = 200

interface Point {
  readonly run: RunSummaryItem
  readonly time: number
  readonly rate: number
  readonly divergent: number
}

const pointsOf = (runs: readonly RunSummaryItem[]): Point[] =>
  runs
    .filter((r) => r.status === 'completed' && r.summary)
    .map((run) => ({
      run,
      time: new Date(run.createdAt).getTime() / 1000,
      rate: passRate(run.summary!) ?? 100,
      divergent: run.summary!.divergent,
    }))
    .sort((a, b) => a.time - b.time)

/** Tick steps of the time axis in seconds: never finer than a second */
const TIME_STEPS = [
  1,
  5,
  15,
  30,
  60,
  300,
  900,
  1800,
  3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86_400,
  7 * 86_400,
  30 * 86_400,
]
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000]

/** Tick labels that suit the chart's time range: times within a day or two, dates beyond */
const timeTicks = (range: number) => {
  const format = new Intl.DateTimeFormat(
    'en-US',
    range < 3600
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
      : range < 2 * 86_400
        ? { hour: '2-digit', minute: '2-digit' }
        : { month: 'short', day: 'numeric' },
  )
  return (_u: uPlot, splits: number[]) => splits.map((t) => format.format(new Date(t * 1000)))
}

const Chart = ({ points }: { points: readonly Point[] }) => {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = host.current
    if (!el) return
    const width = (): number => Math.max(280, el.clientWidth)
    const height = (): number => (el.clientWidth < 500 ? 240 : 320)
    const plot = new uPlot(
      {
        width: width(),
        height: height(),
        cursor: { drag: { x: false, y: false } },
        legend: { show: true },
        scales: {
          x: { time: true },
          rate: { range: [0, 100] },
          div: { range: (_u, _min, max) => [0, Math.max(4, max + 1)] },
        },
        axes: [
          {
            stroke: '#5b6472',
            grid: { stroke: '#eceef2' },
            space: 90,
            incrs: TIME_STEPS,
            values: timeTicks((points[points.length - 1]?.time ?? 0) - (points[0]?.time ?? 0)),
          },
          {
            scale: 'rate',
            label: 'Pass rate',
            stroke: '#5b6472',
            grid: { stroke: '#eceef2' },
            values: (_u, ticks) => ticks.map((t) => `${t}%`),
          },
          {
            scale: 'div',
            side: 1,
            label: 'Divergent',
            stroke: '#9a6700',
            grid: { show: false },
            incrs: COUNT_STEPS,
            values: (_u, ticks) => ticks.map((t) => count(t)),
          },
        ],
        series: [
          { label: 'Run', value: (_u, t) => (t == null ? '—' : dateTime(new Date(t * 1000).toISOString())) },
          {
            label: 'Pass rate',
            scale: 'rate',
            stroke: '#2f5bd3',
            width: 2,
            fill: 'rgba(47,91,211,0.08)',
            points: { size: 6 },
            value: (_u, v) => (v == null ? '—' : percent(v)),
          },
          {
            label: 'Divergent checks',
            scale: 'div',
            stroke: '#b7791f',
            width: 2,
            dash: [6, 4],
            points: { size: 6 },
            value: (_u, v) => (v == null ? '—' : count(v)),
          },
        ],
      },
      [points.map((p) => p.time), points.map((p) => p.rate), points.map((p) => p.divergent)],
      el,
    )
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: height() }))
    observer.observe(el)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [points])
  return (
    <div ref={host} class="chart" role="img" aria-label="Chart of pass rate and divergent checks per run" />
  )
}

/** The trends page */
export const TrendsView = ({ id }: { id: string }) => {
  const runs = useAsync(() => listRuns(id, MAX_RUNS), [id])
  const points = useMemo(() => pointsOf(runs.value ?? []), [runs.value])
  useTitle(`${id} trends`)
  return (
    <>
      <Breadcrumbs
        items={[
          ['Suites', hrefOf({ name: 'suites' })],
          [id, hrefOf({ name: 'suite', id })],
          ['Trends', undefined],
        ]}
      />
      <PageHeader
        title={`Trends of ${id}`}
        sub={`Pass rate and divergent checks of the last ${MAX_RUNS} runs at most, completed runs only.`}
      />
      {runs.error ? <ErrorMessage error={runs.error} retry={runs.reload} /> : null}
      {!runs.value && !runs.error && <Loading what="runs" />}
      {runs.value && points.length === 0 && (
        <p class="dim">No completed runs yet: run the suite to see trends.</p>
      )}
      {points.length > 0 && (
        <>
          <div class="card">
            <Chart points={points} />
          </div>
          <section class="section" aria-labelledby="trend-table">
            <h2 id="trend-table">Runs</h2>
            <div class="card card-flush">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Run</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Pass rate</th>
                    <th scope="col">Divergent</th>
                    <th scope="col">Version</th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr key={p.run.id}>
                      <td>{dateTime(p.run.createdAt)}</td>
                      <td data-label="Run">
                        <a class="mono" href={hrefOf({ name: 'run', id: p.run.id })}>
                          {p.run.id}
                        </a>
                      </td>
                      <td data-label="Outcome">
                        <RunOutcomeChip run={p.run} />
                      </td>
                      <td data-label="Pass rate">{percent(p.rate)}</td>
                      <td data-label="Divergent">{count(p.divergent)}</td>
                      <td data-label="Version">v{p.run.suiteVersion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  )
}
