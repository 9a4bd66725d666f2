/**
 * A small in-process cache of response bodies for reads that cannot change: a finished run (completed
 * or failed runs are final) and its result pages. Keys carry the team, so a team only ever hits its
 * own entries; entries expire after a minute (result pages have a TTL in the store) and the cache is
 * bounded in bytes, least recently used first out. It spares the store the dashboard's repeated reads.
 * @module
 */

/** How long an entry lives */
export const RESPONSE_CACHE_TTL_MS = 60_000

/** The most characters of bodies kept */
export const RESPONSE_CACHE_MAX_CHARS = 32 * 1024 * 1024

interface Entry {
  readonly body: string
  readonly until: number
}

const entries = new Map<string, Entry>()
let chars = 0

const keyOf = (teamId: string, key: string): string => `${teamId}\u0000${key}`

const drop = (key: string): void => {
  const entry = entries.get(key)
  if (!entry) return
  chars -= entry.body.length
  entries.delete(key)
}

/** A cached body, if fresh */
export const cachedBody = (teamId: string, key: string): string | undefined => {
  const k = keyOf(teamId, key)
  const entry = entries.get(k)
  if (!entry) return undefined
  if (entry.until <= Date.now()) {
    drop(k)
    return undefined
  }
  entries.delete(k)
  entries.set(k, entry)
  return entry.body
}

/** Keeps a body (bodies over a tenth of the budget are not kept) */
export const cacheBody = (teamId: string, key: string, body: string): void => {
  if (body.length > RESPONSE_CACHE_MAX_CHARS / 10) return
  const k = keyOf(teamId, key)
  drop(k)
  entries.set(k, { body, until: Date.now() + RESPONSE_CACHE_TTL_MS })
  chars += body.length
  while (chars > RESPONSE_CACHE_MAX_CHARS) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    drop(oldest)
  }
}
