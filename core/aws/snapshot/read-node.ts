/**
 * Reading the snapshot's JSON tree while collecting issues with paths (`RoleDetailList[3].RoleName`)
 * and spans. Shape errors are errors; metadata that is merely odd is a warning.
 * @module
 */
import type { Issue, IssueCode, SourceNode } from '../../policy/index.ts'

/** Where issues go, and the file they are about */
export interface Reader {
  readonly file: string
  readonly issues: Issue[]
}

/** The members of one object, with its path */
export interface Members {
  readonly path: string
  readonly node: SourceNode
  readonly values: ReadonlyMap<string, SourceNode>
}

/** Records an issue at a node */
export const report = (
  r: Reader,
  code: IssueCode,
  message: string,
  path: string,
  node: SourceNode,
  severity: Issue['severity'] = 'error',
): void => {
  r.issues.push({ code, message, path, span: node.span, file: r.file, severity })
}

/** `Users[0]` + `UserName` = `Users[0].UserName` */
export const childPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`)

const describe = (node: SourceNode): string =>
  node.kind === 'object' || node.kind === 'array'
    ? `an ${node.kind}`
    : node.kind === 'null'
      ? 'null'
      : `a ${node.kind}`

/** Reads an object (`what` names it in messages); reports and returns undefined for anything else */
export const readMembers = (r: Reader, node: SourceNode, path: string, what: string): Members | undefined => {
  if (node.kind !== 'object') {
    report(r, 'wrong-type', `${what} must be an object, not ${describe(node)}`, path, node)
    return undefined
  }
  const values = new Map<string, SourceNode>()
  for (const entry of node.entries) if (!values.has(entry.key)) values.set(entry.key, entry.value)
  return { path, node, values }
}

/** Reads a string member; a missing required one is an error, a wrong type is an error or a warning */
export const readString = (
  r: Reader,
  m: Members,
  key: string,
  required: boolean,
  severity: Issue['severity'] = 'error',
): string | undefined => {
  const node = m.values.get(key)
  const path = childPath(m.path, key)
  if (node === undefined || node.kind === 'null') {
    if (required) report(r, 'missing-element', `\`${key}\` is missing`, path, node ?? m.node)
    return undefined
  }
  if (node.kind === 'string') return node.value
  report(r, 'wrong-type', `\`${key}\` must be a string, not ${describe(node)}`, path, node, severity)
  return undefined
}

/** Reads an optional number member (a warning when it is not one) */
export const readNumber = (r: Reader, m: Members, key: string): number | undefined => {
  const node = m.values.get(key)
  if (node === undefined || node.kind === 'null') return undefined
  if (node.kind === 'number') return node.value
  report(
    r,
    'wrong-type',
    `\`${key}\` must be a number, not ${describe(node)}`,
    childPath(m.path, key),
    node,
    'warning',
  )
  return undefined
}

/** Reads an optional boolean member (a warning when it is not one) */
export const readBoolean = (r: Reader, m: Members, key: string): boolean | undefined => {
  const node = m.values.get(key)
  if (node === undefined || node.kind === 'null') return undefined
  if (node.kind === 'boolean') return node.value
  report(
    r,
    'wrong-type',
    `\`${key}\` must be a boolean, not ${describe(node)}`,
    childPath(m.path, key),
    node,
    'warning',
  )
  return undefined
}

/** Reads an optional array member as items with their paths; absent or null is empty */
export const readList = (r: Reader, m: Members, key: string): { node: SourceNode; path: string }[] => {
  const node = m.values.get(key)
  const path = childPath(m.path, key)
  if (node === undefined || node.kind === 'null') return []
  if (node.kind !== 'array') {
    report(r, 'wrong-type', `\`${key}\` must be an array, not ${describe(node)}`, path, node)
    return []
  }
  return node.items.map((item, i) => ({ node: item, path: `${path}[${i}]` }))
}

/** Reads an optional array of strings */
export const readStrings = (r: Reader, m: Members, key: string): string[] =>
  readList(r, m, key).flatMap(({ node, path }) => {
    if (node.kind === 'string') return [node.value]
    report(r, 'wrong-type', `\`${key}\` entries must be strings, not ${describe(node)}`, path, node)
    return []
  })
