/**
 * Looking things up in an AWS account: principals whose policies the suite does not give, and
 * managed policies named by ARN. The suite layer only declares the interface; adapters implement it
 * from live IAM calls or an account snapshot (`aws iam get-account-authorization-details`), and fetch
 * what `unresolvedReferences` lists before a run, so that expansion stays synchronous and pure.
 * @module
 */
import type { NamedPolicy } from '../policy/types.ts'
import { parsePrincipalArn } from './principal-arn.ts'
import { isTrustAction } from './trust-actions.ts'
import type { LoadedPolicyRef, LoadedSuite } from './types.ts'

/** A principal as the account knows it */
export interface ResolvedPrincipal {
  /** Identity-based policies (inline and attached managed); for a user, its groups' too */
  readonly policies: readonly NamedPolicy[]
  readonly permissionsBoundary?: NamedPolicy
  readonly tags?: Readonly<Record<string, string>>
  /** A role's trust policy */
  readonly trustPolicy?: NamedPolicy
  /** The IAM path (`/aws-service-role/…` marks a service-linked role) */
  readonly path?: string
}

/**
 * Resolves principals and managed policies from an account. `getPrincipal` receives a user or role
 * ARN; for a role session the ARN has no path (`arn:aws:iam::A:role/R`), so match roles by name
 */
export interface AccountResolver {
  getPrincipal(arn: string): ResolvedPrincipal | undefined
  getManagedPolicy(arn: string): NamedPolicy | undefined
}

/** A lookup's outcome: the value, or a one-line reason it could not be had */
export type Resolved<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string }

/** Resolves one loaded policy reference: inline and file documents as they are, managed ones by ARN */
export const resolvePolicyRef = (
  ref: LoadedPolicyRef,
  resolver: AccountResolver | undefined,
): Resolved<NamedPolicy> => {
  if (ref.kind === 'document') return { ok: true, value: ref.policy }
  if (!resolver) {
    return {
      ok: false,
      message: `managed policy \`${ref.arn}\` needs an account to resolve it (a live account or a snapshot)`,
    }
  }
  const policy = resolver.getManagedPolicy(ref.arn)
  return policy
    ? { ok: true, value: policy }
    : { ok: false, message: `managed policy \`${ref.arn}\` not found in the account` }
}

/** Resolves a list of references; the first failure wins */
export const resolvePolicyRefs = (
  refs: readonly LoadedPolicyRef[],
  resolver: AccountResolver | undefined,
): Resolved<NamedPolicy[]> => {
  const out: NamedPolicy[] = []
  for (const ref of refs) {
    const r = resolvePolicyRef(ref, resolver)
    if (!r.ok) return r
    out.push(r.value)
  }
  return { ok: true, value: out }
}

/** What a run needs from the account: principal ARNs without suite policies, and managed policy ARNs */
export interface UnresolvedReferences {
  readonly principals: readonly string[]
  readonly managedPolicies: readonly string[]
}

const managedArns = (refs: readonly (LoadedPolicyRef | undefined)[]): string[] =>
  refs.flatMap((r) => (r?.kind === 'managed' ? [r.arn] : []))

/**
 * Lists what expansion will ask the resolver for (so an adapter can fetch it first): principals with
 * no `policies` (role sessions by their role ARN), principal ARNs named only in cases or via hops, and
 * every `{ arn }` policy reference
 */
export const unresolvedReferences = (suite: LoadedSuite): UnresolvedReferences => {
  const principals = new Set<string>()
  const policies = new Set<string>()
  const byArn = new Set([...suite.principals.values()].map((p) => p.arn.arn))
  for (const p of suite.principals.values()) {
    if (p.policies === undefined && p.arn.kind !== 'anonymous' && p.arn.kind !== 'root') {
      if (p.arn.kind === 'assumedRole') principals.add(p.arn.roleArn)
      else if (p.arn.kind === 'federatedUser') {
        if (p.federatedFrom && !byArn.has(p.federatedFrom)) principals.add(p.federatedFrom)
      } else principals.add(p.arn.arn)
    }
    for (const arn of managedArns([
      ...(p.policies ?? []),
      p.permissionsBoundary,
      p.sessionPolicy,
      p.trustPolicy,
    ])) {
      policies.add(arn)
    }
  }
  for (const g of suite.groups.values()) for (const arn of managedArns(g.policies)) policies.add(arn)
  for (const r of suite.resources) for (const arn of managedArns([r.policy])) policies.add(arn)
  for (const level of [...(suite.organization?.scps ?? []), ...(suite.organization?.rcps ?? [])]) {
    for (const arn of managedArns(level.policies)) policies.add(arn)
  }
  for (const c of suite.cases) {
    for (const text of [c.principal, ...c.via.map((h) => h.role)]) {
      const arn = byArn.has(text) ? undefined : parsePrincipalArn(text)
      if (arn?.kind === 'assumedRole') principals.add(arn.roleArn)
      else if (arn?.kind === 'user' || arn?.kind === 'role') principals.add(arn.arn)
    }
    if (c.actions.some(isTrustAction)) {
      for (const resource of c.resources) {
        if (!byArn.has(resource) && parsePrincipalArn(resource)?.kind === 'role') principals.add(resource)
      }
    }
  }
  return { principals: [...principals].sort(), managedPolicies: [...policies].sort() }
}
