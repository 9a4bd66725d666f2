/**
 * Paths into a SourceNode tree (`cases[3].expect`): formatting them and finding the node, or the
 * nearest existing ancestor, a path points at, so that schema issues get a line and column.
 * @module
 */
import type { SourceNode, Span } from '../policy/source-node.ts'

/** A path from the root: object keys and array indexes */
export type SourcePath = readonly (string | number)[]

const PLAIN_KEY = /^[A-Za-z_$][\w$:/@+=,-]*$/

/** Formats a path as `principals.reader.policies[1].document`; odd keys are quoted (`context["a b"]`) */
export const formatPath = (path: SourcePath): string => {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/** What a path points at: the node when it exists, the key's span for object members, and the nearest node */
export interface PathTarget {
  readonly node: SourceNode | undefined
  readonly keySpan: Span | undefined
  /** The deepest node on the path that exists (the root at worst) */
  readonly nearest: SourceNode
}

/** Follows a path; a missing step stops at the nearest existing ancestor */
export const nodeAt = (root: SourceNode, path: readonly PropertyKey[]): PathTarget => {
  let node: SourceNode = root
  let keySpan: Span | undefined
  for (const segment of path) {
    let next: SourceNode | undefined
    keySpan = undefined
    if (node.kind === 'object') {
      const key = String(segment)
      const entry = node.entries.findLast((e) => e.key === key)
      next = entry?.value
      keySpan = entry?.keySpan
    } else if (node.kind === 'array' && typeof segment === 'number') {
      next = node.items[segment]
    }
    if (next === undefined) return { node: undefined, keySpan: undefined, nearest: node }
    node = next
  }
  return { node, keySpan, nearest: node }
}

/** The member of an object node, when the node is an object and has it */
export const member = (node: SourceNode | undefined, key: string): SourceNode | undefined =>
  node?.kind === 'object' ? node.entries.findLast((e) => e.key === key)?.value : undefined

/** A short description of a node's type for messages: `a number \`12\``, `a list` */
export const describeNode = (node: SourceNode): string => {
  switch (node.kind) {
    case 'object':
      return 'a mapping'
    case 'array':
      return 'a list'
    case 'string':
      return `a string \`${node.value}\``
    case 'number':
      return `a number \`${node.raw}\``
    case 'boolean':
      return `a boolean \`${node.raw}\``
    case 'null':
      return 'null'
  }
}
