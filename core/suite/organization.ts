/**
 * Which SCPs and RCPs apply: SCP levels to principals of member accounts (never the management
 * account, never service-linked roles), RCP levels to resources of member accounts. Member accounts
 * are `organization.accounts`, or by default every account the suite names.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 * @module
 */
import { parseArn } from '../policy/index.ts'
import type { NamedPolicy } from '../policy/types.ts'
import { type AccountResolver, type Resolved, resolvePolicyRefs } from './account-resolver.ts'
import { parsePrincipalArn, principalAccount } from './principal-arn.ts'
import type { LoadedLevel, LoadedSuite } from './types.ts'

/** Policy levels, root first */
export type Levels = readonly (readonly NamedPolicy[])[]

/** The organization as expansion uses it: resolved levels and the member accounts */
export interface OrganizationView {
  /** Undefined when the suite has no SCPs */
  readonly scps: Resolved<Levels> | undefined
  /** Undefined when the suite has no RCPs */
  readonly rcps: Resolved<Levels> | undefined
  readonly members: ReadonlySet<string>
}

const accountOfArn = (text: string): string | undefined => {
  const principal = parsePrincipalArn(text)
  if (principal) return principalAccount(principal)
  const account = parseArn(text)?.account
  return account && /^\d{12}$/.test(account) ? account : undefined
}

/** Every account the suite names: principals, federating users, resources, case principals and resources, via roles */
export const accountsNamed = (suite: LoadedSuite): Set<string> => {
  const out = new Set<string>()
  const add = (account: string | undefined) => {
    if (account) out.add(account)
  }
  for (const p of suite.principals.values()) {
    add(principalAccount(p.arn))
    if (p.federatedFrom) add(accountOfArn(p.federatedFrom))
  }
  for (const r of suite.resources) add(r.account ?? accountOfArn(r.arn))
  for (const c of suite.cases) {
    for (const text of [c.principal, ...c.resources, ...c.via.map((h) => h.role)]) add(accountOfArn(text))
  }
  return out
}

const resolveLevels = (
  levels: readonly LoadedLevel[],
  resolver: AccountResolver | undefined,
): Resolved<Levels> => {
  const out: NamedPolicy[][] = []
  for (const level of levels) {
    const r = resolvePolicyRefs(level.policies, resolver)
    if (!r.ok) return r
    out.push(r.value)
  }
  return { ok: true, value: out }
}

/** Resolves the organization block once per suite */
export const organizationView = (
  suite: LoadedSuite,
  resolver: AccountResolver | undefined,
): OrganizationView => {
  const org = suite.organization
  const members = new Set(org?.accounts ?? accountsNamed(suite))
  if (org?.managementAccount) members.delete(org.managementAccount)
  return {
    scps: org && org.scps.length > 0 ? resolveLevels(org.scps, resolver) : undefined,
    rcps: org && org.rcps.length > 0 ? resolveLevels(org.rcps, resolver) : undefined,
    members,
  }
}

/** The SCP levels for a principal of `account`; undefined when none apply */
export const scpLevelsFor = (
  view: OrganizationView,
  account: string | undefined,
  serviceLinkedRole: boolean,
): Resolved<Levels> | undefined => {
  if (!view.scps || account === undefined || serviceLinkedRole || !view.members.has(account)) return undefined
  return view.scps
}

/** The RCP levels for a resource owned by `account`; undefined when none apply */
export const rcpLevelsFor = (
  view: OrganizationView,
  account: string | undefined,
): Resolved<Levels> | undefined => {
  if (!view.rcps || account === undefined || !view.members.has(account)) return undefined
  return view.rcps
}
