/**
 * The resource side of a check: its fixture (the `resources` entry whose ARN equals it, else the
 * longest `arn + "/"` prefix), its owner (fixture account, else the ARN's, else the principal's),
 * its tags, its resource-based policy (a role's trust policy only for the actions trust policies
 * govern; KMS key policies marked as such) and the RCP levels of its account.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @module
 */

import type { ResourceModel } from '../evaluator/model.ts'
import type { ResourcePolicyKind } from '../evaluator/types.ts'
import { parseArn } from '../policy/index.ts'
import type { NamedPolicy } from '../policy/types.ts'
import { type AccountResolver, type Resolved, resolvePolicyRef } from './account-resolver.ts'
import { type OrganizationView, rcpLevelsFor } from './organization.ts'
import { parsePrincipalArn } from './principal-arn.ts'
import { isTrustAction } from './trust-actions.ts'
import type { LoadedPrincipal, LoadedResource, LoadedSuite } from './types.ts'

const KMS_KEY = /^arn:[^:]+:kms:[^:]*:[^:]*:key\//

/** The fixture of a resource ARN: the entry equal to it, else the longest `arn + "/"` prefix of it */
export const findFixture = (
  resources: readonly LoadedResource[],
  arn: string,
): LoadedResource | undefined => {
  const exact = resources.find((r) => r.arn === arn)
  if (exact) return exact
  let best: LoadedResource | undefined
  for (const r of resources) {
    if (arn.startsWith(`${r.arn}/`) && (!best || r.arn.length > best.arn.length)) best = r
  }
  return best
}

/** The owner of a resource: the fixture's account, else the ARN's, else the principal's */
export const resourceOwner = (
  fixture: LoadedResource | undefined,
  arn: string,
  principalAccount: string | undefined,
): string | undefined => {
  if (fixture?.account) return fixture.account
  const account = parseArn(arn)?.account
  // Only a 12-digit account id names an owner: `arn:aws:iam::aws:policy/…` (AWS managed policies) and
  // ARNs without an account are the caller's to read
  return account && /^\d{12}$/.test(account) ? account : principalAccount
}

/** A role's trust policy as the suite or the account knows it; undefined value = the role has none */
export const trustPolicyOf = (
  roleArn: string,
  principal: LoadedPrincipal | undefined,
  resolver: AccountResolver | undefined,
): Resolved<NamedPolicy | undefined> => {
  if (principal?.trustPolicy) return resolvePolicyRef(principal.trustPolicy, resolver)
  if (principal && principal.policies !== undefined) return { ok: true, value: undefined }
  if (!resolver) {
    return {
      ok: false,
      message: `the trust policy of role \`${roleArn}\` is unknown: give \`trustPolicy\`, or run with an account`,
    }
  }
  const found = resolver.getPrincipal(roleArn)
  if (!found) return { ok: false, message: `role \`${roleArn}\` not found in the account` }
  return { ok: true, value: found.trustPolicy }
}

/** What building a resource needs besides the ARN and the action */
export interface ResourceInputs {
  readonly suite: LoadedSuite
  readonly resolver: AccountResolver | undefined
  readonly organization: OrganizationView
  /** The account of the identity making the request (the last role of a via chain) */
  readonly principalAccount: string | undefined
}

/** Builds the resource model of one check; a failure names what could not be resolved */
export const buildResourceModel = (
  arn: string,
  action: string,
  inputs: ResourceInputs,
): Resolved<ResourceModel> => {
  const { suite, resolver } = inputs
  const fixture = findFixture(suite.resources, arn)
  const account = resourceOwner(fixture, arn, inputs.principalAccount)
  const principal = [...suite.principals.values()].find((p) => p.arn.arn === arn)
  const tags = fixture?.tags ?? principal?.tags ?? {}
  let policy: NamedPolicy | undefined
  let policyKind: ResourcePolicyKind | undefined
  const asPrincipal = principal?.arn ?? parsePrincipalArn(arn)
  if (asPrincipal?.kind === 'role' && isTrustAction(action)) {
    const trust = trustPolicyOf(arn, principal, resolver)
    if (!trust.ok) return trust
    policy = trust.value
    policyKind = 'trust'
  } else if (fixture?.policy) {
    const resolved = resolvePolicyRef(fixture.policy, resolver)
    if (!resolved.ok) return resolved
    policy = resolved.value
    policyKind = KMS_KEY.test(arn) ? 'kms' : 'standard'
  }
  const rcps = rcpLevelsFor(inputs.organization, account)
  if (rcps && !rcps.ok) return rcps
  return { ok: true, value: { arn, account, tags, policy, policyKind, rcpLevels: rcps?.value } }
}
