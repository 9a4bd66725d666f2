/**
 * A suite's runs, newest first: outcome, counts, version, trigger, when and how long.
 * @module
 */
import type { RunSummaryItem } from '../api/api-types.ts'
import { dateTime, relativeTime, runDuration, triggerText } from '../lib/format.ts'
import { hrefOf } from '../router/routes.ts'
import { RunOutcomeChip, SummaryCounts } from './run-summary.tsx'

/** The runs table */
export const RunsTable = ({ runs }: { runs: readonly RunSummaryItem[] }) =>
  runs.length === 0 ? (
    <p class="dim">No runs yet. Press Run to run this suite.</p>
  ) : (
    <div class="card card-flush">
      <table class="table runs-table">
        <caption class="sr-only">Runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Outcome</th>
            <th scope="col">Checks</th>
            <th scope="col">Version</th>
            <th scope="col">Trigger</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <a class="mono" href={hrefOf({ name: 'run', id: run.id })}>
                  {run.id}
                </a>
              </td>
              <td data-label="Outcome">
                <RunOutcomeChip run={run} />
              </td>
              <td data-label="Checks">
                <SummaryCounts run={run} />
              </td>
              <td data-label="Version">v{run.suiteVersion}</td>
              <td data-label="Trigger">{triggerText(run.trigger)}</td>
              <td data-label="When">
                <time dateTime={run.createdAt} title={dateTime(run.createdAt)}>
                  {relativeTime(run.createdAt)}
                </time>
                {runDuration(run) && <span class="dim small"> · {runDuration(run)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
