/**
 * Policy documents inside a snapshot. The AWS CLI prints them as JSON objects; the raw IAM API
 * returns them as URL-encoded strings. Either is parsed with its PolicyKind. Objects keep spans into
 * the snapshot file; strings point at the string. Issues get the document's path as a prefix.
 * @module
 */
import {
  decodePolicyDocumentText,
  type Issue,
  type PolicyDocument,
  type PolicyKind,
  parsePolicyNode,
  parsePolicyValue,
  type Result,
  type SourceNode,
  toPlainValue,
} from '../../policy/index.ts'
import type { SnapshotDocument } from './types.ts'

const jsonOfString = (text: string): unknown => {
  try {
    return JSON.parse(decodePolicyDocumentText(text)) as unknown
  } catch {
    return text
  }
}

const locate = (issues: readonly Issue[], path: string, file: string | undefined): Issue[] =>
  issues.map((issue) => ({
    ...issue,
    path: issue.path === '' ? path : path === '' ? issue.path : `${path}.${issue.path}`,
    ...(file === undefined ? {} : { file }),
  }))

const located = (
  result: Result<PolicyDocument>,
  path: string,
  file: string | undefined,
): Result<PolicyDocument> => {
  if (!result.ok) return { ok: false, issues: locate(result.issues, path, file) }
  if (result.warnings === undefined) return result
  return { ok: true, value: result.value, warnings: locate(result.warnings, path, file) }
}

/** Parses a document node of a snapshot (an object, or a string holding JSON, maybe URL-encoded) */
export const readSnapshotDocument = (
  node: SourceNode,
  kind: PolicyKind,
  path: string,
  file: string,
): SnapshotDocument => {
  const json = node.kind === 'string' ? jsonOfString(node.value) : toPlainValue(node)
  return { path, json, parsed: located(parsePolicyNode(node, kind), path, file) }
}

/**
 * A snapshot document from a plain value (an object, or JSON text that may be URL-encoded), for
 * snapshots built in code, such as from live IAM calls
 */
export const snapshotDocument = (value: unknown, kind: PolicyKind, path = ''): SnapshotDocument => {
  const json = typeof value === 'string' ? jsonOfString(value) : value
  return { path, json, parsed: located(parsePolicyValue(value, kind), path, undefined) }
}

/** A snapshot document from an already validated document and its JSON form */
export const documentOf = (document: PolicyDocument, json: unknown, path = ''): SnapshotDocument => ({
  path,
  json,
  parsed: { ok: true, value: document },
})
