/**
 * Context keys in their one canonical form: lower case, and one shared string object per key, so
 * every request context and every compiled condition use the same string and a lookup compares
 * pointers instead of characters.
 * @module
 */

/** Bound on remembered keys; past it the table starts over (tags and service keys are open-ended) */
const INTERN_LIMIT = 50_000
const interned = new Map<string, string>()

/** The canonical (lower-case, shared) form of a condition key name */
export const contextKey = (name: string): string => {
  const found = interned.get(name)
  if (found !== undefined) return found
  const lower = name.toLowerCase()
  const canonical = interned.get(lower) ?? lower
  if (interned.size >= INTERN_LIMIT) interned.clear()
  interned.set(lower, canonical)
  interned.set(name, canonical)
  return canonical
}
