/**
 * IAM glob patterns: `*` matches any run of characters (including none, and `/` or `:`), `?` exactly one.
 * @module
 */
import { hasPrefix } from './has-prefix.ts'

const REGEX_SPECIAL = /[.+^${}()|[\]\\]/

/**
 * Translates a glob into a regular-expression source (without anchors).
 * With `escapes`, a backslash makes the next character literal (used for text produced by policy
 * variable substitution, where `${*}` stands for a literal `*`)
 */
export const globToRegExpSource = (pattern: string, escapes = false): string => {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (escapes && ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!
      out += REGEX_SPECIAL.test(next) || next === '*' || next === '?' ? `\\${next}` : next
    } else if (ch === '*') out += '.*'
    else if (ch === '?') out += '.'
    else if (REGEX_SPECIAL.test(ch)) out += `\\${ch}`
    else out += ch
  }
  return out
}

/** True when the pattern holds a wildcard character */
export const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?')

/** A compiled glob: a fast test function for one pattern */
export type GlobMatcher = (value: string) => boolean

/**
 * Compiles a glob into a matcher. Patterns without wildcards compare by equality, `*` alone matches
 * everything, a single trailing `*` is a prefix test; everything else is a regular expression
 */
export const compileGlob = (
  pattern: string,
  options: { caseInsensitive?: boolean; escapes?: boolean } = {},
): GlobMatcher => {
  const ci = options.caseInsensitive === true
  const escapes = options.escapes === true
  if (!escapes || !pattern.includes('\\')) {
    const p = ci ? pattern.toLowerCase() : pattern
    if (p === '*') return () => true
    if (!hasWildcard(p)) return ci ? (v) => v.length === p.length && v.toLowerCase() === p : (v) => v === p
    const star = p.indexOf('*')
    if (star === p.length - 1 && !p.includes('?')) {
      const prefix = p.slice(0, -1)
      return ci ? (v) => hasPrefix(v.toLowerCase(), prefix) : (v) => hasPrefix(v, prefix)
    }
  }
  const re = new RegExp(`^${globToRegExpSource(pattern, escapes)}$`, ci ? 'is' : 's')
  return (v) => re.test(v)
}

/** Matches one value against one glob without compiling a cached matcher (the reference path) */
export const globMatches = (
  pattern: string,
  value: string,
  caseInsensitive = false,
  escapes = false,
): boolean =>
  new RegExp(`^${globToRegExpSource(pattern, escapes)}$`, caseInsensitive ? 'is' : 's').test(value)
