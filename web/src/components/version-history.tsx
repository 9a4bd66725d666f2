/**
 * A suite's versions, newest first, with a diff between any two of them.
 * @module
 */
import { useState } from 'preact/hooks'
import type { SuiteVersion } from '../api/api-types.ts'
import { dateTime, relativeTime } from '../lib/format.ts'
import { DiffView } from './diff-view.tsx'

/** The version list and the diff of the two chosen versions */
export const VersionHistory = ({
  versions,
  onRestore,
}: {
  versions: readonly SuiteVersion[]
  /** Puts an old version's text into the editor */
  onRestore: (version: SuiteVersion) => void
}) => {
  const [to, setTo] = useState(versions[0]?.version ?? 0)
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? 0)
  const older = versions.find((v) => v.version === from)
  const newer = versions.find((v) => v.version === to)
  return (
    <div class="history">
      <div class="card card-flush">
        <table class="table history-table">
          <caption class="sr-only">Versions, newest first; choose two to compare</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Lines</th>
              <th scope="col">Compare from</th>
              <th scope="col">Compare to</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  <strong>v{v.version}</strong>
                  {v === versions[0] && <span class="dim small"> current</span>}
                </td>
                <td data-label="Saved">
                  <time dateTime={v.createdAt} title={dateTime(v.createdAt)}>
                    {relativeTime(v.createdAt)}
                  </time>
                </td>
                <td data-label="Lines">{v.body.split('\n').length}</td>
                <td data-label="From">
                  <input
                    type="radio"
                    name="diff-from"
                    aria-label={`Compare from version ${v.version}`}
                    checked={from === v.version}
                    onChange={() => setFrom(v.version)}
                  />
                </td>
                <td data-label="To">
                  <input
                    type="radio"
                    name="diff-to"
                    aria-label={`Compare to version ${v.version}`}
                    checked={to === v.version}
                    onChange={() => setTo(v.version)}
                  />
                </td>
                <td>
                  {v !== versions[0] && (
                    <button type="button" class="btn btn-small btn-quiet" onClick={() => onRestore(v)}>
                      Load into editor
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {older && newer && (
        <section class="section" aria-label="Differences">
          <h3>
            v{older.version} → v{newer.version}
          </h3>
          <DiffView
            oldText={older.body}
            newText={newer.body}
            label={`Changes from v${older.version} to v${newer.version}`}
          />
        </section>
      )}
    </div>
  )
}
