/**
 * Lookup tables of condition keys: exact names and templated names (`${TagKey}`), both
 * case-insensitive, built from the catalog's per-service files or its list of global keys.
 * @module
 */
import { toConditionKeyInfo } from './key-type.ts'
import { placeholderIndex, templateRegex } from './name-pattern.ts'
import type { ConditionKeyInfo } from './types.ts'

/** A templated key: its lowercase literal head (before the first placeholder), and its regex, made on first use */
interface TemplateKey {
  readonly head: string
  readonly template: string
  readonly info: ConditionKeyInfo
  regex?: RegExp
}

/** Condition keys by lowercase name, plus the templated keys */
export interface ConditionKeyTable {
  readonly exact: ReadonlyMap<string, ConditionKeyInfo>
  readonly templates: readonly TemplateKey[]
  /** Every key as the catalog spells it */
  readonly names: readonly string[]
}

/** A condition key entry as the catalog gives it */
export interface CatalogKeyEntry {
  readonly key: string
  readonly type: string
}

/** The global list spells tag keys `aws:PrincipalTag/tag-key`; service files use `${TagKey}` */
const normaliseGlobalKey = (key: string): string =>
  key.toLowerCase().endsWith('/tag-key') ? `${key.slice(0, -'tag-key'.length)}\${TagKey}` : key

/** Builds a table from catalog entries; `global` entries get the `tag-key` spelling fixed first */
export const buildKeyTable = (entries: Iterable<CatalogKeyEntry>, global = false): ConditionKeyTable => {
  const exact = new Map<string, ConditionKeyInfo>()
  const templates: TemplateKey[] = []
  const names: string[] = []
  for (const entry of entries) {
    const key = global ? normaliseGlobalKey(entry.key) : entry.key
    const info = toConditionKeyInfo(entry.type, key)
    names.push(key)
    const at = placeholderIndex(key)
    if (at >= 0) templates.push({ head: key.slice(0, at).toLowerCase(), template: key, info })
    else if (!exact.has(key.toLowerCase())) exact.set(key.toLowerCase(), info)
  }
  return { exact, templates, names }
}

/** Merges tables (the first table wins for a name found in several) */
export const mergeKeyTables = (tables: Iterable<ConditionKeyTable>): ConditionKeyTable => {
  const exact = new Map<string, ConditionKeyInfo>()
  const templates: TemplateKey[] = []
  const names: string[] = []
  for (const table of tables) {
    for (const [key, info] of table.exact) if (!exact.has(key)) exact.set(key, info)
    templates.push(...table.templates)
    names.push(...table.names)
  }
  return { exact, templates, names }
}

/** Finds a key (any case) in a table: an exact name first, then a template */
export const findInTable = (table: ConditionKeyTable, key: string): ConditionKeyInfo | undefined => {
  const lower = key.toLowerCase()
  const exact = table.exact.get(lower)
  if (exact !== undefined) return exact
  for (const t of table.templates) {
    if (!lower.startsWith(t.head)) continue
    t.regex ??= templateRegex(t.template)
    if (t.regex.test(lower)) return t.info
  }
  return undefined
}
