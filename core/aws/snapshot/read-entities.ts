/**
 * Readers for the entries of a snapshot: users, groups, roles and managed policies, with their inline
 * policies, attached policies, boundaries, tags and dates. Documents that do not parse become
 * warnings here and unusable principals later (see snapshot-resolver.ts).
 * @module
 */
import type { PolicyKind, SourceNode } from '../../policy/index.ts'
import {
  childPath,
  type Members,
  type Reader,
  readBoolean,
  readList,
  readMembers,
  readNumber,
  readString,
  readStrings,
  report,
} from './read-node.ts'
import { normaliseSnapshotDate } from './snapshot-dates.ts'
import { readSnapshotDocument } from './snapshot-document.ts'
import type {
  SnapshotDocument,
  SnapshotGroup,
  SnapshotInlinePolicy,
  SnapshotInstanceProfile,
  SnapshotManagedPolicy,
  SnapshotPolicyRef,
  SnapshotPolicyVersion,
  SnapshotRole,
  SnapshotUser,
} from './types.ts'

/** Reads a policy document member; a missing or invalid one is recorded as warnings */
const readDocument = (r: Reader, m: Members, key: string, kind: PolicyKind): SnapshotDocument => {
  const path = childPath(m.path, key)
  const node = m.values.get(key)
  const document: SnapshotDocument =
    node === undefined || node.kind === 'null'
      ? {
          path,
          json: undefined,
          parsed: {
            ok: false,
            issues: [
              {
                code: 'missing-element',
                message: `\`${key}\` is missing`,
                path,
                span: m.node.span,
                file: r.file,
                severity: 'error',
              },
            ],
          },
        }
      : readSnapshotDocument(node, kind, path, r.file)
  if (!document.parsed.ok) {
    for (const issue of document.parsed.issues) {
      if (issue.severity === 'error') r.issues.push({ ...issue, severity: 'warning' })
    }
  }
  return document
}

const readDate = (r: Reader, m: Members, key: string): string | undefined => {
  const text = readString(r, m, key, false, 'warning')
  if (text === undefined) return undefined
  const date = normaliseSnapshotDate(text)
  if (date === undefined) {
    const node = m.values.get(key) as SourceNode
    const message = `\`${key}\` \`${text}\` is not a date like \`2023-01-09T12:44:05Z\``
    report(r, 'invalid-value', message, childPath(m.path, key), node, 'warning')
  }
  return date
}

/** The members every entity shares: name, ARN, path, id and creation date */
const readBase = (r: Reader, m: Members, nameKey: string, idKey: string) => {
  const name = readString(r, m, nameKey, true)
  const arn = readString(r, m, 'Arn', true)
  const path = readString(r, m, 'Path', false) ?? '/'
  const id = readString(r, m, idKey, false, 'warning')
  const createDate = readDate(r, m, 'CreateDate')
  if (name === undefined || arn === undefined) return undefined
  return {
    name,
    arn,
    path,
    ...(id === undefined ? {} : { id }),
    ...(createDate === undefined ? {} : { createDate }),
  }
}

const readInline = (r: Reader, m: Members, key: string): SnapshotInlinePolicy[] =>
  readList(r, m, key).flatMap(({ node, path }) => {
    const p = readMembers(r, node, path, 'an inline policy')
    if (p === undefined) return []
    const name = readString(r, p, 'PolicyName', true)
    const document = readDocument(r, p, 'PolicyDocument', 'identity')
    return name === undefined ? [] : [{ name, document }]
  })

const readAttached = (r: Reader, m: Members): SnapshotPolicyRef[] =>
  readList(r, m, 'AttachedManagedPolicies').flatMap(({ node, path }) => {
    const p = readMembers(r, node, path, 'an attached policy')
    if (p === undefined) return []
    const arn = readString(r, p, 'PolicyArn', true)
    const name = readString(r, p, 'PolicyName', false)
    return arn === undefined ? [] : [{ name: name ?? arn.slice(arn.lastIndexOf('/') + 1), arn }]
  })

const readBoundary = (r: Reader, m: Members): string | undefined => {
  const node = m.values.get('PermissionsBoundary')
  if (node === undefined || node.kind === 'null') return undefined
  const b = readMembers(r, node, childPath(m.path, 'PermissionsBoundary'), '`PermissionsBoundary`')
  return b === undefined ? undefined : readString(r, b, 'PermissionsBoundaryArn', true)
}

const readTags = (r: Reader, m: Members): Record<string, string> => {
  const tags: Record<string, string> = {}
  for (const { node, path } of readList(r, m, 'Tags')) {
    const t = readMembers(r, node, path, 'a tag')
    if (t === undefined) continue
    const key = readString(r, t, 'Key', true)
    const value = readString(r, t, 'Value', false) ?? ''
    if (key !== undefined) tags[key] = value
  }
  return tags
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/** Reads one `UserDetailList` entry */
export const readUser = (r: Reader, node: SourceNode, path: string): SnapshotUser | undefined => {
  const m = readMembers(r, node, path, 'a user')
  const base = m && readBase(r, m, 'UserName', 'UserId')
  if (m === undefined || base === undefined) return undefined
  return {
    ...base,
    groups: readStrings(r, m, 'GroupList'),
    inlinePolicies: readInline(r, m, 'UserPolicyList'),
    attachedPolicies: readAttached(r, m),
    ...optional('permissionsBoundaryArn', readBoundary(r, m)),
    tags: readTags(r, m),
  }
}

/** Reads one `GroupDetailList` entry */
export const readGroup = (r: Reader, node: SourceNode, path: string): SnapshotGroup | undefined => {
  const m = readMembers(r, node, path, 'a group')
  const base = m && readBase(r, m, 'GroupName', 'GroupId')
  if (m === undefined || base === undefined) return undefined
  return {
    ...base,
    inlinePolicies: readInline(r, m, 'GroupPolicyList'),
    attachedPolicies: readAttached(r, m),
  }
}

const readInstanceProfiles = (r: Reader, m: Members): SnapshotInstanceProfile[] =>
  readList(r, m, 'InstanceProfileList').flatMap(({ node, path }) => {
    const p = readMembers(r, node, path, 'an instance profile')
    const base = p && readBase(r, p, 'InstanceProfileName', 'InstanceProfileId')
    return base === undefined ? [] : [base]
  })

/** Reads one `RoleDetailList` entry */
export const readRole = (r: Reader, node: SourceNode, path: string): SnapshotRole | undefined => {
  const m = readMembers(r, node, path, 'a role')
  const base = m && readBase(r, m, 'RoleName', 'RoleId')
  if (m === undefined || base === undefined) return undefined
  return {
    ...base,
    trustPolicy: readDocument(r, m, 'AssumeRolePolicyDocument', 'trust'),
    inlinePolicies: readInline(r, m, 'RolePolicyList'),
    attachedPolicies: readAttached(r, m),
    ...optional('permissionsBoundaryArn', readBoundary(r, m)),
    tags: readTags(r, m),
    instanceProfiles: readInstanceProfiles(r, m),
  }
}

const readVersion = (r: Reader, node: SourceNode, path: string): SnapshotPolicyVersion | undefined => {
  const m = readMembers(r, node, path, 'a policy version')
  if (m === undefined) return undefined
  const versionId = readString(r, m, 'VersionId', true)
  const document = readDocument(r, m, 'Document', 'identity')
  const createDate = readDate(r, m, 'CreateDate')
  if (versionId === undefined) return undefined
  return {
    versionId,
    isDefault: readBoolean(r, m, 'IsDefaultVersion') === true,
    ...optional('createDate', createDate),
    document,
  }
}

/** Reads one `Policies` entry */
export const readManagedPolicy = (
  r: Reader,
  node: SourceNode,
  path: string,
): SnapshotManagedPolicy | undefined => {
  const m = readMembers(r, node, path, 'a managed policy')
  const base = m && readBase(r, m, 'PolicyName', 'PolicyId')
  if (m === undefined || base === undefined) return undefined
  return {
    ...base,
    ...optional('defaultVersionId', readString(r, m, 'DefaultVersionId', false)),
    ...optional('updateDate', readDate(r, m, 'UpdateDate')),
    ...optional('attachmentCount', readNumber(r, m, 'AttachmentCount')),
    ...optional('permissionsBoundaryUsageCount', readNumber(r, m, 'PermissionsBoundaryUsageCount')),
    ...optional('isAttachable', readBoolean(r, m, 'IsAttachable')),
    ...optional('description', readString(r, m, 'Description', false, 'warning')),
    versions: readList(r, m, 'PolicyVersionList').flatMap(
      ({ node: v, path: p }) => readVersion(r, v, p) ?? [],
    ),
  }
}
