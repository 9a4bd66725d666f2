/**
 * Action matching: `service:Action` names compared case-insensitively, with `*` and `?` anywhere in
 * the action name. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @module
 */
import { compileGlob, type GlobMatcher, globMatches } from '../wildcard.ts'

/** A compiled Action or NotAction list */
export interface ActionMatcher {
  /** Lower-case service prefixes the list can match; undefined when it can match any service */
  readonly services: ReadonlySet<string> | undefined
  /** True when the (lower-case) action is in the list */
  readonly matches: (actionLower: string) => boolean
}

/** The service prefix of an action (`s3` of `s3:GetObject`), lower case */
export const serviceOf = (actionLower: string): string => {
  const colon = actionLower.indexOf(':')
  return colon < 0 ? actionLower : actionLower.slice(0, colon)
}

/** Compiles a list of action patterns into one matcher */
export const compileActionList = (patterns: readonly string[]): ActionMatcher => {
  const lower = patterns.map((p) => p.toLowerCase())
  const services = new Set<string>()
  let anyService = false
  const exact = new Set<string>()
  const globs: GlobMatcher[] = []
  for (const p of lower) {
    const service = serviceOf(p)
    if (p === '*' || service.includes('*') || service.includes('?')) anyService = true
    else services.add(service)
    if (p.includes('*') || p.includes('?')) globs.push(compileGlob(p))
    else exact.add(p)
  }
  const matches =
    globs.length === 0
      ? (a: string) => exact.has(a)
      : (a: string) => {
          if (exact.has(a)) return true
          for (const g of globs) if (g(a)) return true
          return false
        }
  return { services: anyService ? undefined : services, matches }
}

/** Reference (uncompiled) action matching, used to check the compiled path */
export const actionListMatchesReference = (patterns: readonly string[], action: string): boolean =>
  patterns.some((p) => globMatches(p, action, true))
