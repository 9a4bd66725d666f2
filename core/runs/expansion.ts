/**
 * Loading a stored suite version and expanding it into checks, with a small per-process cache: every
 * slice of a run needs the same expansion, and locally (or in a warm Lambda) it is built once.
 * @module
 */
import type { Result } from '../policy/index.ts'
import type { SuiteFormat } from '../store/repository.ts'
import {
  type Expansion,
  expandSuite,
  type KeyTypeLookup,
  type LoadedSuite,
  loadSuite,
} from '../suite/index.ts'
import { InvalidSuiteError } from './errors.ts'

/** A stored suite text to expand */
export interface StoredSuiteText {
  readonly teamId: string
  readonly suiteId: string
  readonly version: number
  readonly body: string
  readonly format: SuiteFormat
}

/** The file name issues of a stored suite carry */
export const storedFileName = (suiteId: string, format: SuiteFormat): string => `${suiteId}.${format}`

/** Loads a suite text as the service does: no file reader, so `file:` references are errors */
export const loadSuiteText = (body: string, suiteId: string, format: SuiteFormat): Result<LoadedSuite> =>
  loadSuite(body, { fileName: storedFileName(suiteId, format), format })

const CACHE_SIZE = 8
const cache = new Map<string, { readonly body: string; readonly expansion: Expansion }>()

/** Expands a stored suite version (cached by team, suite, version and text); InvalidSuiteError when it does not load */
export const expandStored = (text: StoredSuiteText, keyTypes: KeyTypeLookup | undefined): Expansion => {
  const key = `${text.teamId}\u0000${text.suiteId}\u0000${text.version}`
  const hit = cache.get(key)
  if (hit && hit.body === text.body) {
    cache.delete(key)
    cache.set(key, hit)
    return hit.expansion
  }
  const loaded = loadSuiteText(text.body, text.suiteId, text.format)
  if (!loaded.ok) {
    throw new InvalidSuiteError(
      `suite \`${text.suiteId}\` version ${text.version} does not load`,
      loaded.issues,
    )
  }
  const expansion = expandSuite(loaded.value, { keyTypes })
  cache.set(key, { body: text.body, expansion })
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return expansion
}
