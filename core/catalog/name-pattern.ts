/**
 * Matching for the two kinds of name patterns in the catalog: IAM action wildcards
 * (`s3:Get*`, `?` for one character) and templated condition keys (`s3:BucketTag/${TagKey}`).
 * @module
 */

const escapeRegex = (text: string): string => text.replace(/[\\^$.|+()[\]{}*?]/g, '\\$&')

/**
 * Whether `text` matches a wildcard `pattern` (`*` any run, `?` one character). Both must already be
 * in the same case. A two-pointer match with backtracking to the last `*`: no regex to compile, which
 * matters when a policy lists thousands of patterns
 */
export const wildcardMatch = (pattern: string, text: string): boolean => {
  let p = 0
  let t = 0
  let star = -1
  let resume = 0
  while (t < text.length) {
    const c = pattern[p]
    if (c === '*') {
      star = p++
      resume = t
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++
      t++
    } else if (star >= 0) {
      p = star + 1
      t = ++resume
    } else return false
  }
  while (pattern[p] === '*') p++
  return p === pattern.length
}

/** True when a name holds `*` or `?` */
export const hasWildcard = (name: string): boolean => name.includes('*') || name.includes('?')

/** A placeholder in a catalog key: `${TagKey}` in most services, `<key>` in a few S3 keys */
const PLACEHOLDER = /\$\{[^}]*\}|<[^>]*>/

/** The index of the first placeholder in a catalog key, or -1 when it has none */
export const placeholderIndex = (key: string): number => key.search(PLACEHOLDER)

/** A case-insensitive regex matching the keys a template stands for: each placeholder is one or more characters */
export const templateRegex = (template: string): RegExp => {
  const parts = template.split(new RegExp(PLACEHOLDER.source, 'g'))
  return new RegExp(`^${parts.map(escapeRegex).join('.+')}$`, 'i')
}
