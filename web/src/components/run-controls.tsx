/**
 * The Run button of a suite, with the engines to run on; a queued run opens the run page.
 * @module
 */
import { useState } from 'preact/hooks'
import type { EngineName } from '../api/api-types.ts'
import { startRun } from '../api/endpoints.ts'
import { navigate } from '../router/routes.ts'
import { Icon } from './icon.tsx'
import { errorText } from './page-parts.tsx'

type EngineChoice = '' | 'local' | 'local+aws'

const ENGINES: Readonly<Record<EngineChoice, readonly EngineName[] | undefined>> = {
  '': undefined,
  local: ['local'],
  'local+aws': ['local', 'aws'],
}

/** The Run button with its engine choice */
export const RunControls = ({ id }: { id: string }) => {
  const [engines, setEngines] = useState<EngineChoice>('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const run = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const queued = await startRun(id, ENGINES[engines])
      navigate({ name: 'run', id: queued.id })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }
  return (
    <div class="run-controls">
      <label class="field field-inline">
        <span class="field-label">Engines</span>
        <select
          value={engines}
          onChange={(e) => setEngines((e.target as HTMLSelectElement).value as EngineChoice)}
        >
          <option value="">Default</option>
          <option value="local">Local only</option>
          <option value="local+aws">Local + AWS</option>
        </select>
      </label>
      <button
        type="button"
        class="btn btn-primary"
        onClick={run}
        disabled={busy}
        title="Run the saved version of this suite now"
      >
        <Icon name="play" />
        {busy ? 'Starting…' : 'Run'}
      </button>
      {error ? (
        <span class="inline-error" role="alert">
          {errorText(error)}
        </span>
      ) : null}
    </div>
  )
}
