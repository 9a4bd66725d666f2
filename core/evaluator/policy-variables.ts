/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`) and their escapes.
 * Variables need Version 2012-10-17; under 2008-10-17 or no Version they are literal text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 * @module
 */
import type { PolicyVersion } from '../policy/types.ts'
import type { RequestContext } from './types.ts'

/** A piece of a template: literal text or a variable reference */
export type TemplatePart =
  | { readonly literal: string; readonly escaped?: boolean }
  | { readonly key: string; readonly defaultValue: string | undefined }

const VARIABLE = /\$\{([^}]*)\}/g
const DEFAULT = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/

/** Splits text into literal and variable parts; special escapes `${*}`, `${?}`, `${$}` become literals */
export const parseTemplate = (text: string): readonly TemplatePart[] => {
  const parts: TemplatePart[] = []
  let last = 0
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) })
    const inner = m[1]!
    if (inner === '*' || inner === '?' || inner === '$') parts.push({ literal: inner, escaped: true })
    else {
      const withDefault = DEFAULT.exec(inner)
      parts.push(
        withDefault
          ? { key: withDefault[1]!.trim(), defaultValue: withDefault[2]! }
          : { key: inner.trim(), defaultValue: undefined },
      )
    }
    last = m.index + m[0].length
  }
  if (last < text.length) parts.push({ literal: text.slice(last) })
  return parts
}

/** True when variables in this text are substituted (the Version allows it and the text holds one) */
export const usesVariables = (text: string, version: PolicyVersion): boolean =>
  version === '2012-10-17' && text.includes('${')

/** The result of substituting: the text, or the key that had no value */
export type Substitution =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly missingKey: string }

const escapeGlob = (s: string): string => s.replace(/[\\*?]/g, (c) => `\\${c}`)

/**
 * Substitutes variables from the context. In `glob` mode the output is a glob whose literal parts
 * (escapes and variable values) are backslash-escaped; in `literal` mode it is plain text.
 * A multivalued key or an absent key without a default leaves the text unresolved
 */
export const substituteVariables = (
  parts: readonly TemplatePart[],
  context: RequestContext,
  mode: 'glob' | 'literal',
): Substitution => {
  let out = ''
  for (const part of parts) {
    if ('literal' in part) {
      const escaped = part.escaped === true
      out +=
        mode === 'glob'
          ? escaped
            ? escapeGlob(part.literal)
            : part.literal.replace(/\\/g, '\\\\')
          : part.literal
      continue
    }
    const entry = context.get(part.key.toLowerCase())
    const value = entry && !entry.multi && entry.values.length === 1 ? entry.values[0] : undefined
    const resolved = value ?? part.defaultValue
    if (resolved === undefined) return { ok: false, missingKey: part.key }
    out += mode === 'glob' ? escapeGlob(resolved) : resolved
  }
  return { ok: true, text: out }
}
