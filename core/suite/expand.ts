/**
 * Expanding a loaded suite into checks: one per (action, resource) pair of each case, with the
 * caller's identity, the resource model, the merged request context and the via chain. `skip` and
 * `only` decide which cases run. Things the suite leaves to the account are resolved through an
 * injected AccountResolver; what cannot be resolved makes the check unresolved (an error for the
 * local engine), never a silent deny.
 * @module
 */
import type { AssumeRoleHop } from '../evaluator/model.ts'
import { type AccountResolver, type Resolved, resolvePolicyRef } from './account-resolver.ts'
import { type Check, type CheckHop, checkId } from './check.ts'
import { type KeyTypeLookup, mergeContexts, toRequestContext } from './context.ts'
import { buildIdentity, findPrincipal, type IdentityInputs, type PrincipalTarget } from './identity.ts'
import { organizationView } from './organization.ts'
import { principalAccount } from './principal-arn.ts'
import { buildResourceModel, trustPolicyOf } from './resource-model.ts'
import type { LoadedCase, LoadedHop, LoadedSuite } from './types.ts'

/** What expansion may look up outside the suite */
export interface ExpandOptions {
  /** Resolves principals without `policies` and `{ arn }` policy references */
  readonly resolver?: AccountResolver
  /** Types of known condition keys (the catalog); default: inferred from the values */
  readonly keyTypes?: KeyTypeLookup
}

/** The checks of a suite, and how many were not run */
export interface Expansion {
  readonly checks: readonly Check[]
  /** Checks of skipped cases, and of cases left out because others are marked `only` */
  readonly skipped: number
}

/** Where a principal's policies come from */
const policySourceOf = (suite: LoadedSuite, target: PrincipalTarget): 'suite' | 'account' => {
  const { arn, principal } = target
  if (arn.kind === 'anonymous' || arn.kind === 'root' || principal?.policies !== undefined) return 'suite'
  const all = [...suite.principals.values()]
  if (arn.kind === 'assumedRole') {
    const role = all.find(
      (p) => p.arn.kind === 'role' && p.arn.account === arn.account && p.arn.name === arn.roleName,
    )
    return role?.policies !== undefined ? 'suite' : 'account'
  }
  if (arn.kind === 'federatedUser') {
    const from = all.find((p) => p.arn.arn === principal?.federatedFrom)
    return from?.policies !== undefined || !principal?.federatedFrom ? 'suite' : 'account'
  }
  return 'account'
}

const buildHop = (
  inputs: IdentityInputs,
  keyTypes: KeyTypeLookup | undefined,
  hop: LoadedHop,
): { roleArn: string; name?: string; hop: Resolved<AssumeRoleHop>; account: string | undefined } => {
  const target = findPrincipal(inputs.suite, hop.role)
  if (target?.arn.kind !== 'role') {
    return {
      roleArn: hop.role,
      account: undefined,
      hop: { ok: false, message: `\`${hop.role}\` is not a role` },
    }
  }
  const { arn, principal } = target
  const sessionName = hop.sessionName ?? principal?.sessionName ?? principal?.name ?? arn.name
  const base = { roleArn: arn.arn, name: principal?.name, account: arn.account }
  const role = buildIdentity(inputs, target, { sessionName, forHop: true })
  if (!role.ok) return { ...base, hop: role }
  const trust = trustPolicyOf(arn.arn, principal, inputs.resolver)
  if (!trust.ok) return { ...base, hop: trust }
  const session = principal?.sessionPolicy
    ? resolvePolicyRef(principal.sessionPolicy, inputs.resolver)
    : undefined
  if (session && !session.ok) return { ...base, hop: session }
  const value: AssumeRoleHop = {
    role: role.value,
    roleArn: arn.arn,
    trustPolicy: trust.value,
    sessionName,
    context: toRequestContext(mergeContexts(inputs.suite.context, hop.context), keyTypes),
    sessionTags: hop.sessionTags,
    transitiveTagKeys: hop.transitiveTagKeys,
    sourceIdentity: hop.sourceIdentity,
    sessionPolicies: session ? [session.value] : undefined,
  }
  return { ...base, hop: { ok: true, value } }
}

const expandCase = (inputs: IdentityInputs, options: ExpandOptions, c: LoadedCase): Check[] => {
  const { suite } = inputs
  const target = findPrincipal(suite, c.principal)
  if (!target) return [] // the loader reports unknown principals; a loaded suite has none
  const identity = buildIdentity(inputs, target)
  const hops = c.via.map((h) => buildHop(inputs, options.keyTypes, h))
  const via: CheckHop[] = hops.map((h) => ({
    roleArn: h.roleArn,
    name: h.name,
    hop: h.hop.ok ? h.hop.value : undefined,
  }))
  const hopProblem = hops.findIndex((h) => !h.hop.ok)
  const last = hops[hops.length - 1]
  const account = last ? last.account : principalAccount(target.arn)
  const context = toRequestContext(mergeContexts(suite.context, c.context), options.keyTypes)
  const seen = new Map<string, number>()
  const checks: Check[] = []
  for (const action of c.actions) {
    for (const resource of c.resources) {
      const pair = `${action}\u0000${resource}`
      const occurrence = seen.get(pair) ?? 0
      seen.set(pair, occurrence + 1)
      const resourceModel = buildResourceModel(resource, action, { ...inputs, principalAccount: account })
      const problems = [
        identity.ok ? undefined : identity.message,
        hopProblem < 0
          ? undefined
          : `via[${hopProblem}]: ${(hops[hopProblem]!.hop as { message: string }).message}`,
        resourceModel.ok ? undefined : resourceModel.message,
      ].filter((m): m is string => m !== undefined)
      checks.push({
        id: checkId(suite.id, c.name, action, resource, occurrence),
        suite: suite.id,
        case: c.name,
        caseIndex: c.index,
        principal: target.arn.arn,
        principalName: target.principal?.name,
        policySource: policySourceOf(suite, target),
        action,
        resource,
        expected: c.expect,
        context,
        identity: identity.ok ? identity.value : undefined,
        resourceModel: resourceModel.ok ? resourceModel.value : undefined,
        via,
        unresolved: problems.length > 0 ? problems.join('; ') : undefined,
      })
    }
  }
  return checks
}

/** Expands a loaded suite into checks, in case order, then action, then resource */
export const expandSuite = (suite: LoadedSuite, options: ExpandOptions = {}): Expansion => {
  const inputs: IdentityInputs = {
    suite,
    resolver: options.resolver,
    organization: organizationView(suite, options.resolver),
  }
  const focused = suite.cases.some((c) => c.only)
  const checks: Check[] = []
  let skipped = 0
  for (const c of suite.cases) {
    if (c.skip !== undefined || (focused && !c.only)) {
      skipped += c.actions.length * c.resources.length
      continue
    }
    checks.push(...expandCase(inputs, options, c))
  }
  return { checks, skipped }
}
