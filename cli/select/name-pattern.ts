/**
 * Name patterns of `--filter`: a glob (`*` any text, `?` one character) matched against the whole
 * name, or else a substring; both ignore case.
 * @module
 */

/** A compiled name pattern */
export type NamePattern = (name: string) => boolean

const GLOB_CHARS = /[*?]/

const escapeRegExp = (text: string): string => text.replace(/[.+^${}()|[\]\\]/g, '\\$&')

/** Compiles a `--filter` value */
export const compileNamePattern = (pattern: string): NamePattern => {
  if (!GLOB_CHARS.test(pattern)) {
    const needle = pattern.toLowerCase()
    return (name) => name.toLowerCase().includes(needle)
  }
  const source = escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.')
  const regexp = new RegExp(`^${source}$`, 'is')
  return (name) => regexp.test(name)
}
