/**
 * Resource ARN matching, part by part.
 * Each of the six colon-separated parts is matched on its own; `*` and `?` stay inside their part,
 * except that a `*` ending a part may run past colons, and the last (resource) part may hold colons.
 * A policy variable may appear only in the resource part; one without a value makes the entry match
 * nothing. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @module
 */
import type { PolicyVersion } from '../../policy/types.ts'
import { hasPrefix } from '../has-prefix.ts'
import { parseTemplate, substituteVariables, type TemplatePart, usesVariables } from '../policy-variables.ts'
import type { RequestContext } from '../types.ts'

const REGEX_SPECIAL = /[.+^${}()|[\]\\]/

/** Translates an ARN pattern (optionally with backslash escapes) into an anchored regular expression */
export const arnPatternToRegExp = (pattern: string, escapes: boolean): RegExp => {
  if (pattern === '*') return /^.*$/s
  let out = '^'
  let colons = 0
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    const inResourcePart = colons >= 5
    if (escapes && ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!
      out += REGEX_SPECIAL.test(next) || next === '*' || next === '?' ? `\\${next}` : next
    } else if (ch === ':') {
      colons++
      out += ':'
    } else if (ch === '*') {
      const endsPart = i + 1 === pattern.length || pattern[i + 1] === ':'
      out += inResourcePart || endsPart ? '.*' : '[^:]*'
    } else if (ch === '?') out += inResourcePart ? '.' : '[^:]'
    else out += REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch
  }
  return new RegExp(`${out}$`, 's')
}

/** One compiled Resource / NotResource entry */
type ResourceEntryMatcher = (resource: string, context: RequestContext) => boolean

/**
 * What a Resource pattern needs to be matched, cheapest first: `exact` (no wildcard), `prefix` (its one
 * wildcard is a trailing `*`, which ends its part and so may run past colons), `glob` (other
 * wildcards), `variables` (policy variables, substituted per request). `*` alone is `prefix` of ''.
 */
type PatternKind = 'exact' | 'prefix' | 'glob' | 'variables'
const KIND_COST: Readonly<Record<PatternKind, number>> = { exact: 0, prefix: 1, glob: 2, variables: 3 }

const patternKind = (pattern: string, version: PolicyVersion): PatternKind => {
  if (usesVariables(pattern, version)) return 'variables'
  if (pattern.includes('?')) return 'glob'
  const star = pattern.indexOf('*')
  return star < 0 ? 'exact' : star === pattern.length - 1 ? 'prefix' : 'glob'
}

const compileEntry = (pattern: string, kind: PatternKind): ResourceEntryMatcher => {
  switch (kind) {
    case 'variables': {
      const parts: readonly TemplatePart[] = parseTemplate(pattern)
      return (resource, context) => {
        const sub = substituteVariables(parts, context, 'glob')
        // INVARIANT: an unresolved variable makes the entry match nothing
        return sub.ok && arnPatternToRegExp(sub.text, true).test(resource)
      }
    }
    case 'exact':
      return (resource) => resource === pattern
    case 'prefix': {
      if (pattern === '*') return () => true
      const prefix = pattern.slice(0, -1)
      return (resource) => hasPrefix(resource, prefix)
    }
    default: {
      const re = arnPatternToRegExp(pattern, false)
      return (resource) => re.test(resource)
    }
  }
}

/** A compiled Resource or NotResource list */
export type ResourceMatcher = (resource: string, context: RequestContext) => boolean

/** Compiles a Resource list into one matcher (true when any entry matches) */
export const compileResourceList = (patterns: readonly string[], version: PolicyVersion): ResourceMatcher => {
  if (patterns.includes('*')) return () => true
  // Cheap tests first: exact ARNs, then prefixes, then regular expressions and variables
  const entries = patterns
    .map((pattern) => ({ pattern, kind: patternKind(pattern, version) }))
    .sort((a, b) => KIND_COST[a.kind] - KIND_COST[b.kind])
    .map(({ pattern, kind }) => compileEntry(pattern, kind))
  if (entries.length === 1) return entries[0]!
  return (resource, context) => {
    for (const e of entries) if (e(resource, context)) return true
    return false
  }
}

/** A Resource or NotResource list split for the literal index: its literal patterns and the rest */
export interface SplitResourceList {
  /** The list holds `*`: it matches every resource */
  readonly matchesAll: boolean
  /** Exact ARNs, and prefixes of patterns whose only wildcard is one trailing `*` */
  readonly literals: readonly { readonly text: string; readonly prefix: boolean }[]
  /** The other patterns (wildcards inside, `?`, policy variables) as one matcher; undefined if none */
  readonly rest: ResourceMatcher | undefined
}

/** Splits a list into what a literal ARN index can answer and what needs its own matcher */
export const splitResourceList = (patterns: readonly string[], version: PolicyVersion): SplitResourceList => {
  if (patterns.includes('*')) return { matchesAll: true, literals: [], rest: undefined }
  const literals: { text: string; prefix: boolean }[] = []
  const others: string[] = []
  for (const p of patterns) {
    const kind = patternKind(p, version)
    if (kind === 'exact') literals.push({ text: p, prefix: false })
    else if (kind === 'prefix') literals.push({ text: p.slice(0, -1), prefix: true })
    else others.push(p)
  }
  return {
    matchesAll: false,
    literals,
    rest: others.length === 0 ? undefined : compileResourceList(others, version),
  }
}

/** Reference (uncompiled) resource matching, used to check the compiled path */
export const resourceListMatchesReference = (
  patterns: readonly string[],
  version: PolicyVersion,
  resource: string,
  context: RequestContext,
): boolean =>
  patterns.some((pattern) => {
    if (!usesVariables(pattern, version)) return arnPatternToRegExp(pattern, false).test(resource)
    const sub = substituteVariables(parseTemplate(pattern), context, 'glob')
    return sub.ok && arnPatternToRegExp(sub.text, true).test(resource)
  })
