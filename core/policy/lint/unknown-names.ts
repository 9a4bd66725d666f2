/**
 * Lint rules that check names against the IAM catalog: `unknown-action` (an action, an action pattern
 * or a service prefix the catalog does not know) and `unknown-condition-key`. A misspelt name is not a
 * syntax error in IAM: the policy saves, and the entry silently matches nothing.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * @module
 */
import type { IamCatalog } from '../../catalog/types.ts'
import { didYouMean } from '../did-you-mean.ts'
import type { Issue } from '../issue.ts'
import type { PolicyDocument, Statement } from '../types.ts'
import type { Locator, Place } from './locate.ts'

const warning = (code: Issue['code'], message: string, place: Place): Issue => ({
  code,
  message,
  path: place.path,
  span: place.span,
  severity: 'warning',
})

const hasWildcard = (text: string): boolean => text.includes('*') || text.includes('?')

/**
 * `; did you mean …?` for a name; candidates whose length differs by more than 3 cannot be suggested
 * (suggestName allows at most 3 edits) and are skipped before computing edit distances
 */
const suggest = (input: string, candidates: readonly string[]): string =>
  didYouMean(
    input,
    candidates.filter((c) => Math.abs(c.length - input.length) <= 3),
  )

/** Suggestions already computed in one lint call (a policy may list dozens of actions of a retired service) */
type SuggestionCache = Map<string, string>

const cached = (cache: SuggestionCache, key: string, compute: () => string): string => {
  let hit = cache.get(key)
  if (hit === undefined) {
    hit = compute()
    cache.set(key, hit)
  }
  return hit
}

/** The problem with one Action / NotAction entry, or undefined when the catalog knows it */
const actionProblem = (action: string, catalog: IamCatalog, cache: SuggestionCache): string | undefined => {
  const colon = action.indexOf(':')
  if (action === '*' || colon < 1) return undefined
  const service = action.slice(0, colon)
  const exists = catalog.actionExists(action)
  if (exists === true) return undefined
  if (exists === undefined || !catalog.serviceExists(service)) {
    const hint = cached(cache, `service ${service.toLowerCase()}`, () =>
      suggest(service, catalog.serviceNames?.() ?? []),
    )
    return `unknown service prefix \`${service}\` in \`${action}\`: no service in the service authorization reference uses it (misspelt or retired), so the entry matches no request${hint}`
  }
  if (hasWildcard(action)) {
    return `\`${action}\` matches no \`${service}\` action in the service authorization reference, so it matches no request`
  }
  const names = (catalog.actionNames?.(service) ?? []).map((n) => `${service}:${n}`)
  return `unknown action \`${action}\`: not in the service authorization reference, so it matches no request${suggest(action, names)}`
}

const lintStatementActions = (
  s: Statement,
  loc: Locator,
  catalog: IamCatalog,
  cache: SuggestionCache,
): Issue[] => {
  const issues: Issue[] = []
  for (const element of ['Action', 'NotAction'] as const) {
    const list = element === 'Action' ? s.action : s.notAction
    list?.forEach((action, i) => {
      const problem = actionProblem(action, catalog, cache)
      if (problem !== undefined) issues.push(warning('unknown-action', problem, loc.entry(s, element, i)))
    })
  }
  return issues
}

/** `unknown-action` findings for every Action and NotAction entry */
export const lintActions = (doc: PolicyDocument, loc: Locator, catalog: IamCatalog): Issue[] => {
  const cache: SuggestionCache = new Map()
  return doc.statements.flatMap((s) => lintStatementActions(s, loc, catalog, cache))
}

const keySuggestion = (key: string, catalog: IamCatalog): string => {
  const colon = key.indexOf(':')
  if (colon < 1 || catalog.conditionKeyNames === undefined) return ''
  const names = catalog
    .conditionKeyNames(key.slice(0, colon))
    .filter((n) => !n.includes('${') && !n.includes('<'))
  return didYouMean(key, names)
}

/** `unknown-condition-key` findings for every condition test */
export const lintConditionKeys = (doc: PolicyDocument, loc: Locator, catalog: IamCatalog): Issue[] =>
  doc.statements.flatMap((s) =>
    s.conditions.flatMap((test) => {
      if (catalog.conditionKeyType(test.key) !== undefined) return []
      const message =
        `unknown condition key \`${test.key}\`: neither a global key nor a service key, so no request ` +
        `carries it and this test always acts as if the key were missing${keySuggestion(test.key, catalog)}`
      return [warning('unknown-condition-key', message, loc.condition(s, test))]
    }),
  )
