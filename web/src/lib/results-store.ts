/**
 * A finished run's check results, read through every result page once and kept for the session, so
 * the run view, the check view and back again cost one download. Subscribers see each page arrive:
 * the first page is small so the first rows show early, the rest come in the largest pages the API
 * allows.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import type { CheckResult } from '../api/api-types.ts'
import { listResultsPage } from '../api/endpoints.ts'

/** What has arrived of a run's results */
export interface ResultsState {
  readonly items: readonly CheckResult[]
  readonly done: boolean
  readonly error?: unknown
}

interface Entry {
  state: ResultsState
  readonly listeners: Set<() => void>
}

const EMPTY: ResultsState = { items: [], done: false }
/** The first page: small, for the first rows on screen; then the API's largest pages */
const FIRST_PAGE = 250
const PAGE = 2000
const entries = new Map<string, Entry>()

const load = async (runId: string, entry: Entry): Promise<void> => {
  const update = (state: ResultsState): void => {
    entry.state = state
    for (const listener of entry.listeners) listener()
  }
  let cursor: string | undefined
  let items: CheckResult[] = []
  try {
    do {
      const page = await listResultsPage(runId, cursor, cursor ? PAGE : FIRST_PAGE)
      if (entries.get(runId) !== entry) return
      items = items.concat(page.items)
      cursor = page.cursor
      update({ items, done: !cursor })
    } while (cursor)
  } catch (error) {
    if (entries.get(runId) === entry) entries.delete(runId)
    update({ items, done: true, error })
  }
}

const entryOf = (runId: string): Entry => {
  let entry = entries.get(runId)
  if (!entry) {
    entry = { state: EMPTY, listeners: new Set() }
    entries.set(runId, entry)
    void load(runId, entry)
  }
  return entry
}

/**
 * Starts reading a run's results before its state is known (it usually is finished when opened), so
 * the first page does not wait for the run's own request; forget them with discardRunResults when the
 * run turns out not to be finished
 */
export const prefetchRunResults = (runId: string): void => {
  entryOf(runId)
}

/** Forgets what was read of a run's results (the run was not finished after all) */
export const discardRunResults = (runId: string): void => {
  entries.delete(runId)
}

/** Reads every result of a finished run (nothing while `ready` is false); re-renders per page */
export const useRunResults = (runId: string, ready: boolean): ResultsState => {
  const [state, setState] = useState<ResultsState>(() => (ready ? entryOf(runId).state : EMPTY))
  useEffect(() => {
    if (!ready) {
      setState(EMPTY)
      return
    }
    const entry = entryOf(runId)
    const listener = (): void => setState(entry.state)
    entry.listeners.add(listener)
    setState(entry.state)
    return () => {
      entry.listeners.delete(listener)
    }
  }, [runId, ready])
  return state
}

/** Every result of a finished run, once all pages arrived */
export const allRunResults = (runId: string): Promise<readonly CheckResult[]> => {
  const entry = entryOf(runId)
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (!entry.state.done) return false
      entry.listeners.delete(listener)
      if (entry.state.error) reject(entry.state.error)
      else resolve(entry.state.items)
      return true
    }
    const listener = (): void => {
      check()
    }
    if (!check()) entry.listeners.add(listener)
  })
}
