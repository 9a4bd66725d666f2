/**
 * Parses the output of `aws iam get-account-authorization-details` into an AccountSnapshot. A file
 * that is not JSON, or whose shape is wrong (a missing `Arn`, a list that is not an array), fails with
 * every issue found. Policy documents that do not parse only warn: the snapshot stays usable, and the
 * principals that depend on them resolve to errors (see snapshot-resolver.ts).
 * https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
 * @module
 */
import { type Issue, parseJsonSource, type Result, type SourceNode } from '../../policy/index.ts'
import { readGroup, readManagedPolicy, readRole, readUser } from './read-entities.ts'
import { type Reader, readBoolean, readList, readMembers, report } from './read-node.ts'
import type { AccountSnapshot } from './types.ts'

/** The lists a snapshot holds */
export const SNAPSHOT_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const

/** Top-level members that paging and SDK dumps add, accepted without comment */
const PAGING_KEYS = ['IsTruncated', 'Marker', 'ResponseMetadata']

const readAll = <T extends { readonly arn: string }>(
  r: Reader,
  items: readonly { node: SourceNode; path: string }[],
  read: (r: Reader, node: SourceNode, path: string) => T | undefined,
  what: string,
): T[] => {
  const out: T[] = []
  const seen = new Set<string>()
  for (const { node, path } of items) {
    const item = read(r, node, path)
    if (item === undefined) continue
    if (seen.has(item.arn)) {
      report(
        r,
        'duplicate-name',
        `${what} \`${item.arn}\` is listed twice; the first entry is used`,
        path,
        node,
        'warning',
      )
      continue
    }
    seen.add(item.arn)
    out.push(item)
  }
  return out
}

/** Parses snapshot JSON text; `fileName` goes into every issue and policy name */
export const parseAccountSnapshot = (text: string, fileName: string): Result<AccountSnapshot> => {
  const json = parseJsonSource(text)
  if (!json.ok) return { ok: false, issues: json.issues.map((issue) => ({ ...issue, file: fileName })) }
  const r: Reader = { file: fileName, issues: [] }
  const top = readMembers(r, json.value, '', 'an account snapshot')
  if (top === undefined) return { ok: false, issues: r.issues }
  for (const [key, node] of top.values) {
    if ((SNAPSHOT_LISTS as readonly string[]).includes(key) || PAGING_KEYS.includes(key)) continue
    report(r, 'unknown-key', `unknown member \`${key}\` is ignored`, key, node, 'warning')
  }
  if (!SNAPSHOT_LISTS.some((key) => top.values.has(key))) {
    const message =
      'not an account snapshot: none of `UserDetailList`, `GroupDetailList`, `RoleDetailList`, `Policies` (the output of `aws iam get-account-authorization-details`)'
    report(r, 'missing-element', message, '', json.value)
  }
  if (readBoolean(r, top, 'IsTruncated') === true) {
    const message =
      'the snapshot is truncated (`IsTruncated` is true): principals and policies on later pages are missing'
    report(r, 'invalid-value', message, 'IsTruncated', top.values.get('IsTruncated') as SourceNode, 'warning')
  }
  const snapshot: AccountSnapshot = {
    file: fileName,
    users: readAll(r, readList(r, top, 'UserDetailList'), readUser, 'user'),
    groups: readAll(r, readList(r, top, 'GroupDetailList'), readGroup, 'group'),
    roles: readAll(r, readList(r, top, 'RoleDetailList'), readRole, 'role'),
    policies: readAll(r, readList(r, top, 'Policies'), readManagedPolicy, 'managed policy'),
  }
  const issues: readonly Issue[] = r.issues
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues }
  return issues.length > 0 ? { ok: true, value: snapshot, warnings: issues } : { ok: true, value: snapshot }
}
