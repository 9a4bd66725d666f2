/**
 * The decision: how the answers of each policy type combine, in one place.
 * Follows the policy evaluation logic of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * (deny check, RCPs, SCPs, resource-based policies, identity-based policies, boundaries, session policies),
 * the same-account exceptions of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html and the
 * cross-account rule of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @module
 */
import { FORM_STRENGTH, type PrincipalForm } from './match/principal.ts'
import type { ReasonCode } from './trace/reasons.ts'
import type { Decision, ResourcePolicyKind } from './types.ts'

/** What each policy type said, reduced to the facts the decision needs */
export interface DecisionFacts {
  /** Any Deny statement matched in any policy type */
  readonly explicitDeny: boolean
  /** Every SCP level allows (true when SCPs do not apply) */
  readonly scpAllows: boolean
  /** The VPC endpoint policy allows (true when there is none) */
  readonly endpointAllows: boolean
  /** An identity-based policy allows (always true for the account root user) */
  readonly identityAllows: boolean
  /** The permissions boundary allows (true when there is none) */
  readonly boundaryAllows: boolean
  /** The session policy allows (true for non-session callers and role sessions without one) */
  readonly sessionAllows: boolean
  /** The strongest form in which an Allow of the resource policy named the caller; undefined = no Allow */
  readonly resourceGrant: PrincipalForm | undefined
  readonly resourcePolicyKind: ResourcePolicyKind
  /** The caller and the resource are in the same account */
  readonly sameAccount: boolean
}

/** The decision with the reason that settled it and the routes that led to an allow */
export interface DecisionOutcome {
  readonly decision: Decision
  readonly reason: ReasonCode
  /** An allow came through the identity side (identity ∩ boundary ∩ session) */
  readonly viaIdentity: boolean
  /** An allow came through the resource policy */
  readonly viaResource: boolean
}

/** A deny outcome; there are few, each made once and shared by every decision */
const deny = (decision: Decision, reason: ReasonCode): DecisionOutcome =>
  Object.freeze({ decision, reason, viaIdentity: false, viaResource: false })

const EXPLICIT_DENY = deny('explicitDeny', 'explicit-deny')
const SCP_NO_ALLOW = deny('implicitDeny', 'scp-level-no-allow')
const ENDPOINT_NO_ALLOW = deny('implicitDeny', 'policy-type-no-allow')
const CROSS_ACCOUNT = deny('implicitDeny', 'cross-account-needs-both')
const RESOURCE_POLICY_REQUIRED = deny('implicitDeny', 'resource-policy-required')
const ACCOUNT_GRANT_NEEDS_IDENTITY = deny('implicitDeny', 'account-grant-needs-identity')
const NO_ALLOW = deny('implicitDeny', 'no-allow')

/** The allow outcomes, made once too: by every required type, and by a same-account resource grant */
const allow = (reason: ReasonCode, viaIdentity: boolean, viaResource: boolean): DecisionOutcome =>
  Object.freeze({ decision: 'allowed', reason, viaIdentity, viaResource })
const ALLOWED_BOTH = allow('allowed-by-all-required', true, true)
const ALLOWED_IDENTITY = allow('allowed-by-all-required', true, false)
const ALLOWED_RESOURCE_GRANT = allow('same-account-resource-grant', false, true)

/**
 * True when a same-account resource-policy grant in this form is enough on its own, given which
 * implicit denies the identity side has. Strength 3 (session, federated user, `*`, service) overrides
 * identity, boundary and session-policy implicit denies; 2 (IAM user ARN) identity and boundary;
 * 1 (role ARN, federating user ARN) identity only; 0 (account) none.
 */
const grantOverrides = (form: PrincipalForm, f: DecisionFacts): boolean => {
  const strength = FORM_STRENGTH[form]
  if (strength >= 3) return true
  if (strength === 2) return f.sessionAllows
  if (strength === 1) return f.boundaryAllows && f.sessionAllows
  return false
}

/** Combines the facts into a decision */
export const decide = (f: DecisionFacts): DecisionOutcome => {
  // 1. An explicit deny in any policy wins
  if (f.explicitDeny) return EXPLICIT_DENY
  // 2-3. RCPs only deny (RCPFullAWSAccess allows at every level). SCPs need an Allow at every level;
  // AWS reports a missing SCP Allow as an implicit deny ("no service control policy allows")
  if (!f.scpAllows) return SCP_NO_ALLOW
  if (!f.endpointAllows) return ENDPOINT_NO_ALLOW
  const identitySide = f.identityAllows && f.boundaryAllows && f.sessionAllows
  const grant = f.resourceGrant
  if (!f.sameAccount) {
    // 5. Cross-account: the trusted account's identity side and the trusting account's resource policy
    if (identitySide && grant !== undefined) return ALLOWED_BOTH
    return CROSS_ACCOUNT
  }
  const grantSuffices = grant !== undefined && grantOverrides(grant, f)
  if (f.resourcePolicyKind !== 'standard') {
    // Trust policies and KMS key policies must always allow the caller themselves
    if (grant === undefined) return RESOURCE_POLICY_REQUIRED
    if (grantSuffices) return ALLOWED_RESOURCE_GRANT
    if (identitySide) return ALLOWED_BOTH
    return ACCOUNT_GRANT_NEEDS_IDENTITY
  }
  // 4. Same account: resource-based and identity-based policies are a union, with the exceptions above
  if (identitySide) return grantSuffices ? ALLOWED_BOTH : ALLOWED_IDENTITY
  if (grantSuffices) return ALLOWED_RESOURCE_GRANT
  return NO_ALLOW
}
