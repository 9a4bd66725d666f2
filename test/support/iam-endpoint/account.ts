/**
 * The local endpoint's account: GetAccountAuthorizationDetails (paged across users, groups, roles and
 * policies, filtered by entity type), GetPolicy, GetPolicyVersion, GetUser and GetRole, answered from
 * an authorization-details document in the AWS CLI's form. As the raw API does, policy documents go
 * out URL-encoded and dates as ISO 8601.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @module
 */
import { type QueryParams, str, strings } from './query-params.ts'
import type { QueryFailure } from './simulate-request.ts'

/** An authorization-details document (CLI form); missing lists read as empty */
export interface AccountDetails {
  readonly UserDetailList?: readonly Record<string, unknown>[]
  readonly GroupDetailList?: readonly Record<string, unknown>[]
  readonly RoleDetailList?: readonly Record<string, unknown>[]
  readonly Policies?: readonly Record<string, unknown>[]
}

const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document'])

/** The raw API's form of a CLI value: documents URL-encoded, dates ISO 8601 */
export const toWire = (value: unknown, key = ''): unknown => {
  if (DOCUMENT_KEYS.has(key) && value !== null && typeof value === 'object')
    return encodeURIComponent(JSON.stringify(value))
  if (key.endsWith('Date') && typeof value === 'string') {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? value : date.toISOString()
  }
  if (Array.isArray(value)) return value.map((v) => toWire(v))
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toWire(v, k)]),
    )
  return value
}

type Kind = 'User' | 'Group' | 'Role' | 'LocalManagedPolicy' | 'AWSManagedPolicy'
const LIST_OF: Readonly<Record<Kind, keyof AccountDetails>> = {
  User: 'UserDetailList',
  Group: 'GroupDetailList',
  Role: 'RoleDetailList',
  LocalManagedPolicy: 'Policies',
  AWSManagedPolicy: 'Policies',
}

const entities = (account: AccountDetails): { kind: Kind; item: Record<string, unknown> }[] => [
  ...(account.UserDetailList ?? []).map((item) => ({ kind: 'User' as const, item })),
  ...(account.GroupDetailList ?? []).map((item) => ({ kind: 'Group' as const, item })),
  ...(account.RoleDetailList ?? []).map((item) => ({ kind: 'Role' as const, item })),
  ...(account.Policies ?? []).map((item) => ({
    kind: String(item.Arn).includes(':aws:policy/')
      ? ('AWSManagedPolicy' as const)
      : ('LocalManagedPolicy' as const),
    item,
  })),
]

const invalid = (message: string): QueryFailure => ({ status: 400, code: 'InvalidInput', message })
const noSuchEntity = (message: string): QueryFailure => ({ status: 404, code: 'NoSuchEntity', message })

/** One page of GetAccountAuthorizationDetails */
export const authorizationDetailsPage = (
  account: AccountDetails,
  p: QueryParams,
  pageCap: number,
): Record<string, unknown> | QueryFailure => {
  const filter = strings(p.Filter) as Kind[]
  if (filter.some((f) => !(f in LIST_OF))) return invalid(`Invalid Filter: ${filter.join(', ')}`)
  const maxItems = p.MaxItems === undefined ? 100 : Number(str(p.MaxItems))
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)
    return invalid('MaxItems must be between 1 and 1000')
  const all = entities(account).filter((e) => filter.length === 0 || filter.includes(e.kind))
  const marker = str(p.Marker)
  const offset =
    marker === undefined
      ? 0
      : Number(
          Buffer.from(marker, 'base64url')
            .toString('utf8')
            .replace(/^details:/, ''),
        )
  if (!Number.isInteger(offset) || offset < 0 || offset > all.length)
    return invalid(`Invalid Marker: ${marker}`)
  const page = all.slice(offset, offset + Math.min(maxItems, pageCap))
  const next = offset + page.length
  const lists: Record<string, unknown[]> = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  }
  for (const e of page) lists[LIST_OF[e.kind]]!.push(toWire(e.item))
  return {
    ...lists,
    IsTruncated: next < all.length,
    ...(next < all.length ? { Marker: Buffer.from(`details:${next}`, 'utf8').toString('base64url') } : {}),
  }
}

const policyByArn = (
  account: AccountDetails,
  extra: readonly Record<string, unknown>[],
  arn: string | undefined,
) => [...(account.Policies ?? []), ...extra].find((x) => x.Arn === arn)

/** GetPolicy */
export const getPolicy = (
  account: AccountDetails,
  extra: readonly Record<string, unknown>[],
  p: QueryParams,
): Record<string, unknown> | QueryFailure => {
  const arn = str(p.PolicyArn)
  const policy = policyByArn(account, extra, arn)
  if (!policy) return noSuchEntity(`Policy ${arn} was not found.`)
  const { PolicyVersionList: _versions, ...rest } = policy
  return { Policy: toWire(rest) }
}

/** GetPolicyVersion */
export const getPolicyVersion = (
  account: AccountDetails,
  extra: readonly Record<string, unknown>[],
  p: QueryParams,
): Record<string, unknown> | QueryFailure => {
  const arn = str(p.PolicyArn)
  const policy = policyByArn(account, extra, arn)
  const versions = (policy?.PolicyVersionList ?? []) as Record<string, unknown>[]
  const version = versions.find((v) => v.VersionId === str(p.VersionId))
  if (!version)
    return noSuchEntity(`Policy ${arn} version ${str(p.VersionId)} does not exist or is not attachable.`)
  return { PolicyVersion: toWire(version) }
}

/** GetUser and GetRole: the entity's summary */
export const getEntity = (
  account: AccountDetails,
  kind: 'User' | 'Role',
  p: QueryParams,
): Record<string, unknown> | QueryFailure => {
  const nameKey = kind === 'User' ? 'UserName' : 'RoleName'
  const name = str(p[nameKey])
  const list = (kind === 'User' ? account.UserDetailList : account.RoleDetailList) ?? []
  const found = list.find((x) => x[nameKey] === name)
  if (!found) return noSuchEntity(`The ${kind.toLowerCase()} with name ${name} cannot be found.`)
  const keep = [
    'Path',
    nameKey,
    `${kind}Id`,
    'Arn',
    'CreateDate',
    'AssumeRolePolicyDocument',
    'PermissionsBoundary',
    'Tags',
  ]
  return { [kind]: toWire(Object.fromEntries(Object.entries(found).filter(([k]) => keep.includes(k)))) }
}
