/**
 * The caller of a check, as suite-format.md's "Principals" table says: an IAM user, a session of a
 * role (named `sessionName`, default the principal's key), a given role session, a federated user
 * session, an account root, or an anonymous caller; with its policies (the suite's own, or the
 * account's when `policies` is absent), its groups' policies, boundary, session policy, tags and SCPs.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @module
 */

import type { Identity } from '../evaluator/model.ts'
import type { Caller } from '../evaluator/types.ts'
import type { NamedPolicy } from '../policy/types.ts'
import {
  type AccountResolver,
  type Resolved,
  resolvePolicyRef,
  resolvePolicyRefs,
} from './account-resolver.ts'
import { type OrganizationView, scpLevelsFor } from './organization.ts'
import { isServiceLinkedRole, type PrincipalArn, parsePrincipalArn, roleSessionArn } from './principal-arn.ts'
import type { LoadedPolicyRef, LoadedPrincipal, LoadedSuite } from './types.ts'

/** A principal a case or hop names: its ARN, and its suite entry when it has one */
export interface PrincipalTarget {
  readonly arn: PrincipalArn
  readonly principal: LoadedPrincipal | undefined
}

/** What building identities needs */
export interface IdentityInputs {
  readonly suite: LoadedSuite
  readonly resolver: AccountResolver | undefined
  readonly organization: OrganizationView
}

/** Finds what a case's `principal` (or a hop's `role`) names: a principal key, else an ARN */
export const findPrincipal = (suite: LoadedSuite, text: string): PrincipalTarget | undefined => {
  const named = suite.principals.get(text)
  if (named) return { arn: named.arn, principal: named }
  const arn = parsePrincipalArn(text)
  if (!arn) return undefined
  const same = [...suite.principals.values()].find((p) => p.arn.arn === text)
  return { arn, principal: same }
}

/** Role tags overridden by session tags with the same key, case ignored */
export const mergeTags = (
  base: Readonly<Record<string, string>>,
  over: Readonly<Record<string, string>> | undefined,
): Record<string, string> => {
  const out: Record<string, string> = { ...base }
  for (const [key, value] of Object.entries(over ?? {})) {
    for (const existing of Object.keys(out))
      if (existing.toLowerCase() === key.toLowerCase()) delete out[existing]
    out[key] = value
  }
  return out
}

/** The policies and facts behind a principal, from the suite or from the account */
interface PolicyBase {
  readonly identity: readonly NamedPolicy[]
  readonly boundary: NamedPolicy | undefined
  readonly tags: Readonly<Record<string, string>>
  readonly path: string | undefined
}

const optionalRef = (ref: LoadedPolicyRef | undefined, resolver: AccountResolver | undefined) =>
  ref ? resolvePolicyRef(ref, resolver) : ({ ok: true, value: undefined } as const)

const policyBase = (
  inputs: IdentityInputs,
  principal: LoadedPrincipal | undefined,
  lookupArn: string,
): Resolved<PolicyBase> => {
  const { suite, resolver } = inputs
  const groupRefs = (principal?.groups ?? []).flatMap((g) => suite.groups.get(g)?.policies ?? [])
  const groups = resolvePolicyRefs(groupRefs, resolver)
  if (!groups.ok) return groups
  const boundary = optionalRef(principal?.permissionsBoundary, resolver)
  if (!boundary.ok) return boundary
  if (principal?.policies !== undefined) {
    const own = resolvePolicyRefs(principal.policies, resolver)
    if (!own.ok) return own
    const identity = [...own.value, ...groups.value]
    return {
      ok: true,
      value: { identity, boundary: boundary.value, tags: principal.tags ?? {}, path: undefined },
    }
  }
  if (!resolver) {
    const message = `principal \`${lookupArn}\` has no \`policies\` in the suite and there is no account to resolve them from`
    return { ok: false, message }
  }
  const found = resolver.getPrincipal(lookupArn)
  if (!found) return { ok: false, message: `principal \`${lookupArn}\` not found in the account` }
  return {
    ok: true,
    value: {
      identity: [...found.policies, ...groups.value],
      boundary: boundary.value ?? found.permissionsBoundary,
      tags: principal?.tags ?? found.tags ?? {},
      path: found.path,
    },
  }
}

/** Options for one identity */
export interface IdentityOptions {
  /** The role session name (roles only); default: the principal's `sessionName`, else its key */
  readonly sessionName?: string
  /** Build the role as a via hop's target: no session tags or session policy of the entry's own */
  readonly forHop?: boolean
}

const withScps = (inputs: IdentityInputs, identity: Identity, slr = false): Resolved<Identity> => {
  const scps = scpLevelsFor(inputs.organization, identity.caller.account, slr)
  if (!scps) return { ok: true, value: identity }
  if (!scps.ok) return scps
  return { ok: true, value: { ...identity, scpLevels: scps.value } }
}

const sessionPolicies = (p: LoadedPrincipal | undefined, resolver: AccountResolver | undefined) => {
  const r = optionalRef(p?.sessionPolicy, resolver)
  return r.ok ? { ok: true as const, value: r.value ? [r.value] : undefined } : r
}

/** Builds the identity that makes a check's request (or a hop's target role) */
export const buildIdentity = (
  inputs: IdentityInputs,
  target: PrincipalTarget,
  options: IdentityOptions = {},
): Resolved<Identity> => {
  const { arn, principal } = target
  const resolver = inputs.resolver
  switch (arn.kind) {
    case 'anonymous':
      return {
        ok: true,
        value: {
          caller: { type: 'anonymous', arn: 'anonymous', account: undefined },
          identityPolicies: [],
          tags: {},
        },
      }
    case 'root': {
      const caller: Caller = { type: 'root', arn: arn.arn, account: arn.account }
      return withScps(inputs, { caller, identityPolicies: [], tags: principal?.tags ?? {} })
    }
    case 'user': {
      const base = policyBase(inputs, principal, arn.arn)
      if (!base.ok) return base
      const { identity, boundary, tags } = base.value
      const caller: Caller = { type: 'user', arn: arn.arn, account: arn.account }
      return withScps(inputs, { caller, identityPolicies: identity, boundary, tags, userName: arn.name })
    }
    case 'role': {
      const base = policyBase(inputs, principal, arn.arn)
      if (!base.ok) return base
      const session = options.sessionName ?? principal?.sessionName ?? principal?.name ?? arn.name
      const slr = isServiceLinkedRole(arn) || (base.value.path ?? '').startsWith('/aws-service-role/')
      const caller: Caller = {
        type: 'assumedRole',
        arn: roleSessionArn(arn, session),
        account: arn.account,
        roleArn: arn.arn,
        serviceLinkedRole: slr,
      }
      const sessions = options.forHop
        ? { ok: true as const, value: undefined }
        : sessionPolicies(principal, resolver)
      if (!sessions.ok) return sessions
      const tags = options.forHop ? base.value.tags : mergeTags(base.value.tags, principal?.sessionTags)
      const identity: Identity = {
        caller,
        identityPolicies: base.value.identity,
        boundary: base.value.boundary,
        sessionPolicies: sessions.value,
        tags,
      }
      return withScps(inputs, identity, slr)
    }
    case 'assumedRole': {
      const rolePrincipal =
        principal?.policies !== undefined
          ? principal
          : [...inputs.suite.principals.values()].find(
              (p) => p.arn.kind === 'role' && p.arn.account === arn.account && p.arn.name === arn.roleName,
            )
      const roleArn = rolePrincipal?.arn.kind === 'role' ? rolePrincipal.arn.arn : arn.roleArn
      const base = policyBase(inputs, rolePrincipal ?? principal, roleArn)
      if (!base.ok) return base
      const sessions = sessionPolicies(principal, resolver)
      if (!sessions.ok) return sessions
      const slr = (base.value.path ?? '').startsWith('/aws-service-role/')
      const caller: Caller = {
        type: 'assumedRole',
        arn: arn.arn,
        account: arn.account,
        roleArn,
        serviceLinkedRole: slr,
      }
      const tags = mergeTags(principal?.tags ?? base.value.tags, principal?.sessionTags)
      const identity: Identity = {
        caller,
        identityPolicies: base.value.identity,
        boundary: base.value.boundary,
        sessionPolicies: sessions.value,
        tags,
      }
      return withScps(inputs, identity, slr)
    }
    case 'federatedUser': {
      if (!principal) {
        return {
          ok: false,
          message: `federated user \`${arn.arn}\` is not in \`principals\`: give its \`policies\` or \`federatedFrom\``,
        }
      }
      const from = principal.federatedFrom
      const fromPrincipal = from
        ? [...inputs.suite.principals.values()].find((p) => p.arn.arn === from)
        : undefined
      const base =
        principal.policies !== undefined || !from
          ? policyBase(inputs, principal, arn.arn)
          : policyBase(inputs, fromPrincipal, from)
      if (!base.ok) return base
      const boundary = optionalRef(principal.permissionsBoundary, resolver)
      if (!boundary.ok) return boundary
      const sessions = sessionPolicies(principal, resolver)
      if (!sessions.ok) return sessions
      const caller: Caller = {
        type: 'federatedUser',
        arn: arn.arn,
        account: arn.account,
        federatingUserArn: from,
      }
      const identity: Identity = {
        caller,
        identityPolicies: base.value.identity,
        boundary: boundary.value ?? base.value.boundary,
        sessionPolicies: sessions.value,
        tags: principal.tags ?? {},
      }
      return withScps(inputs, identity)
    }
  }
}
