/**
 * Loading policy references: inline documents (parsed where they stand, so issues point into the
 * suite), `file:` references read through an injected reader (relative to the suite file; the core
 * does no I/O), and `{ arn }` managed policies, which stay unresolved until expansion.
 * @module
 */
import { parseJsonSource, parsePolicyNode } from '../policy/index.ts'
import type { Issue } from '../policy/issue.ts'
import { type SourceNode, toPlainValue } from '../policy/source-node.ts'
import type { PolicyKind } from '../policy/types.ts'
import { formatPath, member, type SourcePath } from './source-path.ts'
import type { LoadedPolicyRef, SuitePolicy } from './types.ts'
import { parseYamlSource } from './yaml-source.ts'

/** Reads a file named relative to the suite file; undefined when it does not exist */
export type FileReader = (relativePath: string) => string | undefined

/** What loading references needs: where the suite came from, how to read files, where issues go */
export interface RefContext {
  readonly file: string
  readonly readFile: FileReader | undefined
  readonly issues: Issue[]
  /** Parsed files by `kind:path`, so a file used twice is read and reported once */
  readonly cache: Map<string, SuitePolicy | undefined>
}

/** Joins a path relative to the suite file onto the suite file's directory (for messages and spans) */
export const joinRelative = (suiteFile: string, relative: string): string => {
  if (relative.startsWith('/')) return relative
  const slash = suiteFile.lastIndexOf('/')
  const parts = slash < 0 ? [] : suiteFile.slice(0, slash).split('/')
  for (const part of relative.split('/')) {
    if (part === '.' || part === '') continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/** Places a policy-document issue inside the suite: its path goes under the reference's path */
const nestIssue = (issue: Issue, prefix: string, file: string): Issue => {
  const joined = issue.path.startsWith('[') ? `${prefix}${issue.path}` : `${prefix}.${issue.path}`
  const path = issue.path === '' ? prefix : prefix === '' ? issue.path : joined
  return { ...issue, path, file: issue.file ?? file }
}

const parseDocumentNode = (
  ctx: RefContext,
  node: SourceNode,
  kind: PolicyKind,
  name: string,
  where: { prefix: string; file: string },
): SuitePolicy | undefined => {
  const parsed = parsePolicyNode(node, kind)
  if (!parsed.ok) {
    for (const issue of parsed.issues) ctx.issues.push(nestIssue(issue, where.prefix, where.file))
    return undefined
  }
  const source = node.kind === 'string' ? node.value : JSON.stringify(toPlainValue(node))
  return { name, document: parsed.value, source }
}

const loadFile = (
  ctx: RefContext,
  fileNode: SourceNode,
  path: SourcePath,
  kind: PolicyKind,
): SuitePolicy | undefined => {
  if (fileNode.kind !== 'string') return undefined
  const relative = fileNode.value
  const cacheKey = `${kind}:${relative}`
  if (ctx.cache.has(cacheKey)) return ctx.cache.get(cacheKey)
  const shown = joinRelative(ctx.file, relative)
  const missing = (message: string): undefined => {
    ctx.issues.push({
      code: 'missing-reference',
      message,
      path: formatPath([...path, 'file']),
      span: fileNode.span,
      file: ctx.file,
      severity: 'error',
    })
    ctx.cache.set(cacheKey, undefined)
    return undefined
  }
  if (!ctx.readFile)
    return missing(
      `cannot read policy file \`${relative}\`: file references work only where files can be read (CLI)`,
    )
  const text = ctx.readFile(relative)
  if (text === undefined) return missing(`policy file \`${relative}\` not found (looked for \`${shown}\`)`)
  const yaml = /\.ya?ml$/i.test(relative)
  const root = yaml ? parseYamlSource(text, { file: shown }) : parseJsonSource(text)
  if (!root.ok) {
    for (const issue of root.issues) ctx.issues.push({ ...issue, file: issue.file ?? shown })
    ctx.cache.set(cacheKey, undefined)
    return undefined
  }
  const parsed = parseDocumentNode(ctx, root.value, kind, relative, { prefix: '', file: shown })
  const policy = parsed && { ...parsed, file: shown, source: yaml ? parsed.source : text }
  ctx.cache.set(cacheKey, policy)
  return policy
}

/**
 * Loads one schema-valid policy reference node. `defaultName` names unnamed inline documents.
 * Returns undefined when the reference is broken (the issues say why)
 */
export const loadPolicyRef = (
  ctx: RefContext,
  node: SourceNode,
  path: SourcePath,
  kind: PolicyKind,
  defaultName: string,
): LoadedPolicyRef | undefined => {
  const document = member(node, 'document')
  if (document) {
    const nameNode = member(node, 'name')
    const name = nameNode?.kind === 'string' ? nameNode.value : defaultName
    const policy = parseDocumentNode(ctx, document, kind, name, {
      prefix: formatPath([...path, 'document']),
      file: ctx.file,
    })
    return policy && { kind: 'document', policy }
  }
  const file = member(node, 'file')
  if (file) {
    const policy = loadFile(ctx, file, path, kind)
    return policy && { kind: 'document', policy }
  }
  const arn = member(node, 'arn')
  if (arn?.kind === 'string')
    return { kind: 'managed', arn: arn.value, path: formatPath(path), span: arn.span }
  return undefined
}
