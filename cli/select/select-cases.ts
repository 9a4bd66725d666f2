/**
 * Choosing which cases run: `--filter` patterns (any may match the suite id, the case name, or
 * `suite/case`) and `--tag` values (any may be a tag of the suite or of the case). Both given: a case
 * must pass both. Cases left out are not run and not counted as skipped.
 * @module
 */
import type { LoadedSuite } from '../../core/suite/index.ts'
import { compileNamePattern } from './name-pattern.ts'

/** What `--filter` and `--tag` asked for; empty lists select everything */
export interface Selection {
  readonly filters: readonly string[]
  readonly tags: readonly string[]
}

/** True when the selection selects everything */
export const selectsAll = (selection: Selection): boolean =>
  selection.filters.length === 0 && selection.tags.length === 0

/** The suites narrowed to the selected cases; suites left with no case are dropped */
export const selectCases = (suites: readonly LoadedSuite[], selection: Selection): LoadedSuite[] => {
  if (selectsAll(selection)) return [...suites]
  const patterns = selection.filters.map(compileNamePattern)
  const tags = new Set(selection.tags.map((t) => t.toLowerCase()))
  const out: LoadedSuite[] = []
  for (const suite of suites) {
    const cases = suite.cases.filter((c) => {
      const names = [suite.id, c.name, `${suite.id}/${c.name}`]
      const byName = patterns.length === 0 || patterns.some((p) => names.some(p))
      const byTag = tags.size === 0 || [...suite.tags, ...c.tags].some((t) => tags.has(t.toLowerCase()))
      return byName && byTag
    })
    if (cases.length > 0) out.push(cases.length === suite.cases.length ? suite : { ...suite, cases })
  }
  return out
}
