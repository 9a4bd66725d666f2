/**
 * Shared helpers for walking a policy tree: issue reporting, paths, and reading objects and
 * string-or-array values while collecting every problem.
 * @module
 */
import type { Issue, IssueCode } from './issue.ts'
import type { SourceEntry, SourceNode, Span } from './source-node.ts'
import { NO_SPAN } from './source-node.ts'

/** Where validation issues are collected */
export type IssueSink = Issue[]

/** Records an issue */
export const report = (
  sink: IssueSink,
  code: IssueCode,
  message: string,
  path: string,
  span: Span,
  severity: 'error' | 'warning' = 'error',
): void => {
  sink.push({ code, message, path, span, severity })
}

/** The path of a member: `Statement[0]` + `Effect` = `Statement[0].Effect` */
export const childPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`)

/** The path of an array item: `Action` + 1 = `Action[1]` */
export const itemPath = (path: string, index: number): string => `${path}[${index}]`

/** A span from the start of `from` to the end of `to` (NO_SPAN when either has no source) */
export const joinSpans = (from: Span, to: Span): Span =>
  from.line === 0 || to.line === 0
    ? NO_SPAN
    : { line: from.line, column: from.column, endLine: to.endLine, endColumn: to.endColumn }

/** `a string`, `an array`, … for wrong-type messages */
export const describeNode = (node: SourceNode): string => {
  switch (node.kind) {
    case 'object':
      return 'an object'
    case 'array':
      return 'an array'
    case 'null':
      return 'null'
    default:
      return `a ${node.kind}`
  }
}

/**
 * The members of an object by key; a repeated key is reported as `duplicate-key` (the first one is kept).
 * Returns undefined, after reporting `wrong-type`, when the node is not an object
 */
export const readObject = (
  node: SourceNode,
  path: string,
  sink: IssueSink,
  what: string,
): ReadonlyMap<string, SourceEntry> | undefined => {
  if (node.kind !== 'object') {
    report(sink, 'wrong-type', `${what} must be an object, not ${describeNode(node)}`, path, node.span)
    return undefined
  }
  const members = new Map<string, SourceEntry>()
  for (const entry of node.entries) {
    if (members.has(entry.key)) {
      report(
        sink,
        'duplicate-key',
        `duplicate key \`${entry.key}\``,
        childPath(path, entry.key),
        entry.keySpan,
      )
    } else members.set(entry.key, entry)
  }
  return members
}

/** One string read from a string-or-array value, with where it was */
export interface ListItem {
  readonly value: string
  readonly path: string
  readonly span: Span
}

/**
 * Reads a string or a non-empty array of strings, reporting `wrong-type` for anything else.
 * Returns the strings that were valid (possibly fewer than written)
 */
export const readStringList = (node: SourceNode, path: string, sink: IssueSink, what: string): ListItem[] => {
  if (node.kind === 'string') return [{ value: node.value, path, span: node.span }]
  if (node.kind !== 'array') {
    const message = `${what} must be a string or an array of strings, not ${describeNode(node)}`
    report(sink, 'wrong-type', message, path, node.span)
    return []
  }
  if (node.items.length === 0)
    report(sink, 'wrong-type', `${what} must not be an empty array`, path, node.span)
  const out: ListItem[] = []
  node.items.forEach((item, i) => {
    const p = itemPath(path, i)
    if (item.kind === 'string') out.push({ value: item.value, path: p, span: item.span })
    else
      report(sink, 'wrong-type', `${what} entries must be strings, not ${describeNode(item)}`, p, item.span)
  })
  return out
}

/** Reads an optional string member, reporting `wrong-type` when it is not a string */
export const readString = (
  entry: SourceEntry | undefined,
  path: string,
  sink: IssueSink,
): string | undefined => {
  if (entry === undefined) return undefined
  if (entry.value.kind === 'string') return entry.value.value
  const message = `\`${entry.key}\` must be a string, not ${describeNode(entry.value)}`
  report(sink, 'wrong-type', message, path, entry.value.span)
  return undefined
}
