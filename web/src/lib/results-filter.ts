/**
 * Filtering a run's check results: by status (failed, divergent, skipped, error), principal, action
 * and a free-text search over case, principal, action and resource.
 * @module
 */
import type { CheckResult } from '../api/api-types.ts'

/** The status filters a user can toggle */
export type StatusFilter = 'failed' | 'divergent' | 'skipped' | 'error'

/** Every status filter, in the order shown */
export const STATUS_FILTERS: readonly StatusFilter[] = ['failed', 'divergent', 'skipped', 'error']

/** What the check table shows */
export interface ResultFilter {
  /** Checks matching any of these; empty = every check */
  readonly statuses: readonly StatusFilter[]
  readonly principal: string
  readonly action: string
  readonly search: string
}

/** The filter that shows everything */
export const NO_FILTER: ResultFilter = { statuses: [], principal: '', action: '', search: '' }

/** True when an engine did not model the check */
export const isSkipped = (r: CheckResult): boolean =>
  (r.local !== undefined && 'skipped' in r.local) || (r.aws !== undefined && 'skipped' in r.aws)

/** True when a result has the status a filter names */
export const hasStatus = (r: CheckResult, status: StatusFilter): boolean => {
  switch (status) {
    case 'failed':
      return r.status === 'failed'
    case 'error':
      return r.status === 'error'
    case 'divergent':
      return r.divergent
    case 'skipped':
      return isSkipped(r)
  }
}

const haystacks = new WeakMap<readonly CheckResult[], string[]>()

const haystackOf = (results: readonly CheckResult[]): string[] => {
  let found = haystacks.get(results)
  if (!found) {
    found = results.map((r) => `${r.case}\n${r.principal}\n${r.action}\n${r.resource}`.toLowerCase())
    haystacks.set(results, found)
  }
  return found
}

/** The indexes (into `results`) of the results a filter keeps, in order */
export const filterResults = (results: readonly CheckResult[], filter: ResultFilter): number[] => {
  const needle = filter.search.trim().toLowerCase()
  const texts = needle ? haystackOf(results) : undefined
  const out: number[] = []
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!
    if (filter.statuses.length > 0 && !filter.statuses.some((s) => hasStatus(r, s))) continue
    if (filter.principal && r.principal !== filter.principal) continue
    if (filter.action && r.action !== filter.action) continue
    if (texts && !texts[i]!.includes(needle)) continue
    out.push(i)
  }
  return out
}

/** The distinct values of a field, sorted, with their counts */
export const facetOf = (
  results: readonly CheckResult[],
  field: 'principal' | 'action',
): { readonly value: string; readonly count: number }[] => {
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r[field], (counts.get(r[field]) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, n]) => ({ value, count: n }))
}

/** How many results have each status filter */
export const statusCounts = (results: readonly CheckResult[]): Record<StatusFilter, number> => {
  const counts: Record<StatusFilter, number> = { failed: 0, divergent: 0, skipped: 0, error: 0 }
  for (const r of results) for (const s of STATUS_FILTERS) if (hasStatus(r, s)) counts[s]++
  return counts
}
