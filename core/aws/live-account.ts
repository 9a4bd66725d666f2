/**
 * Live principals for the local engine: reads the account with GetAccountAuthorizationDetails (paged,
 * filtered to the entity types a run needs), fetches managed policies that no principal has attached
 * with GetPolicy and GetPolicyVersion, and maps the result through the snapshot code
 * (parseAccountSnapshot, snapshotResolver), so a live account and a snapshot resolve identically.
 * One fetch per client and set of ARNs: the run's cache.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @module
 */
import {
  type EntityType,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsResponse,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  type IAMClient,
} from '@aws-sdk/client-iam'
import { formatIssue } from '../policy/index.ts'
import { parsePrincipalArn } from '../suite/index.ts'
import { errorCodeOf, type RetryOptions, withRetry } from './retry.ts'
import {
  type AccountSnapshot,
  parseAccountSnapshot,
  type SnapshotResolver,
  snapshotResolver,
} from './snapshot/index.ts'

/** The four lists of an authorization-details answer, in the SDK's shapes (documents URL-encoded) */
export interface RawAuthorizationDetails {
  UserDetailList: NonNullable<GetAccountAuthorizationDetailsResponse['UserDetailList']>
  GroupDetailList: NonNullable<GetAccountAuthorizationDetailsResponse['GroupDetailList']>
  RoleDetailList: NonNullable<GetAccountAuthorizationDetailsResponse['RoleDetailList']>
  Policies: NonNullable<GetAccountAuthorizationDetailsResponse['Policies']>
}

/** Options of account reads */
export interface AccountReadOptions {
  readonly retry?: RetryOptions
  /** MaxItems per page; default 1,000 */
  readonly maxItems?: number
}

/** The name a live account gets in messages and policy `file`s */
export const LIVE_ACCOUNT_NAME = 'live account'

/** Pages GetAccountAuthorizationDetails (every entity type when `filter` is empty) */
export const fetchAuthorizationDetails = async (
  client: IAMClient,
  filter: readonly EntityType[] = [],
  options: AccountReadOptions = {},
): Promise<RawAuthorizationDetails> => {
  const out: RawAuthorizationDetails = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  }
  let marker: string | undefined
  for (;;) {
    const input = {
      ...(filter.length > 0 ? { Filter: [...filter] } : {}),
      MaxItems: options.maxItems ?? 1_000,
      ...(marker ? { Marker: marker } : {}),
    }
    const page = await withRetry(
      () => client.send(new GetAccountAuthorizationDetailsCommand(input)),
      options.retry,
    )
    out.UserDetailList.push(...(page.UserDetailList ?? []))
    out.GroupDetailList.push(...(page.GroupDetailList ?? []))
    out.RoleDetailList.push(...(page.RoleDetailList ?? []))
    out.Policies.push(...(page.Policies ?? []))
    if (!page.IsTruncated || !page.Marker || page.Marker === marker) return out
    marker = page.Marker
  }
}

/** JSON replacer: SDK dates as ISO 8601 without milliseconds, as IAM writes them */
function wholeSecondDates(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key]
  return raw instanceof Date ? raw.toISOString().replace(/\.000Z$/, 'Z') : value
}

/** Reads raw details (SDK objects or CLI JSON) with the snapshot parser; throws on a broken answer */
export const snapshotOfDetails = (
  details: RawAuthorizationDetails,
  name = LIVE_ACCOUNT_NAME,
): AccountSnapshot => {
  const parsed = parseAccountSnapshot(JSON.stringify(details, wholeSecondDates), name)
  if (!parsed.ok) throw new Error(`cannot read the account: ${parsed.issues.map(formatIssue).join('; ')}`)
  return parsed.value
}

/** Adds managed policies the answer lacks (AWS managed policies nobody attached), by GetPolicy + GetPolicyVersion */
const addMissingPolicies = async (
  client: IAMClient,
  details: RawAuthorizationDetails,
  arns: readonly string[],
  options: AccountReadOptions,
): Promise<void> => {
  const have = new Set(details.Policies.map((p) => p.Arn))
  for (const arn of new Set(arns)) {
    if (have.has(arn)) continue
    try {
      const policy = (
        await withRetry(() => client.send(new GetPolicyCommand({ PolicyArn: arn })), options.retry)
      ).Policy
      if (!policy?.DefaultVersionId) continue
      const versionId = policy.DefaultVersionId
      const version = (
        await withRetry(
          () => client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
          options.retry,
        )
      ).PolicyVersion
      details.Policies.push({
        ...policy,
        PolicyVersionList: version ? [{ ...version, IsDefaultVersion: true }] : [],
      })
      have.add(arn)
    } catch (error) {
      if (errorCodeOf(error) !== 'NoSuchEntity') throw error
    }
  }
}

/** The entity types to read for a set of ARNs */
export const entityTypesFor = (arns: readonly string[]): EntityType[] => {
  const kinds = new Set(arns.map((arn) => parsePrincipalArn(arn)?.kind))
  const types = new Set<EntityType>()
  if (kinds.has('user')) types.add('User').add('Group')
  if (kinds.has('role') || kinds.has('assumedRole')) types.add('Role')
  types.add('LocalManagedPolicy').add('AWSManagedPolicy')
  return [...types]
}

const cache = new WeakMap<IAMClient, Map<string, Promise<SnapshotResolver>>>()

const fetchResolver = async (
  client: IAMClient,
  arns: readonly string[],
  options: AccountReadOptions,
): Promise<SnapshotResolver> => {
  const details = await fetchAuthorizationDetails(client, entityTypesFor(arns), options)
  const first = snapshotResolver(snapshotOfDetails(details))
  const principals = arns.filter((arn) => parsePrincipalArn(arn) !== undefined)
  const policies = arns.filter((arn) => parsePrincipalArn(arn) === undefined)
  const missing = [...policies, ...principals.flatMap((arn) => first.missingReferences(arn).managedPolicies)]
  if (missing.every((arn) => first.getManagedPolicy(arn) !== undefined)) return first
  await addMissingPolicies(client, details, missing, options)
  return snapshotResolver(snapshotOfDetails(details))
}

/**
 * Resolves principals (user and role ARNs; role sessions by their role) and managed policy ARNs from
 * the live account, as `unresolvedReferences` lists them. The answer is cached per client and set of ARNs
 */
export const fetchLiveAccount = (
  client: IAMClient,
  arns: readonly string[],
  options: AccountReadOptions = {},
): Promise<SnapshotResolver> => {
  const key = JSON.stringify([...new Set(arns)].sort())
  let byArns = cache.get(client)
  if (!byArns) {
    byArns = new Map()
    cache.set(client, byArns)
  }
  let pending = byArns.get(key)
  if (!pending) {
    pending = fetchResolver(client, arns, options)
    pending.catch(() => byArns?.delete(key))
    byArns.set(key, pending)
  }
  return pending
}
