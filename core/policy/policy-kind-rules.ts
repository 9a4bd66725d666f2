/**
 * What each kind of policy may hold: Principal / NotPrincipal, whether Resource is required, the Id
 * element, and the strict IAM Sid rule.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
 * @module
 */
import type { PolicyKind } from './types.ts'

/** The grammar differences between policy kinds */
export interface PolicyKindRules {
  /** `required`: a statement needs Principal or NotPrincipal; `forbidden`: Principal is an error */
  readonly principal: 'required' | 'allowed' | 'forbidden'
  readonly notPrincipalAllowed: boolean
  /** False for trust policies, which usually omit Resource */
  readonly resourceRequired: boolean
  /** False for identity policies (an Id there draws a warning) */
  readonly idAllowed: boolean
  /** True where IAM accepts only letters and digits in a Sid (a warning otherwise) */
  readonly alphanumericSid: boolean
}

const rules = (
  principal: PolicyKindRules['principal'],
  notPrincipalAllowed: boolean,
  iamPolicy: boolean,
  resourceRequired = true,
): PolicyKindRules => ({
  principal,
  notPrincipalAllowed,
  resourceRequired,
  idAllowed: !iamPolicy,
  alphanumericSid: iamPolicy,
})

/** The rules for every policy kind */
export const POLICY_KIND_RULES: Readonly<Record<PolicyKind, PolicyKindRules>> = {
  identity: rules('forbidden', false, true),
  boundary: rules('forbidden', false, true),
  session: rules('forbidden', false, true),
  scp: rules('forbidden', false, false),
  rcp: rules('allowed', true, false),
  resource: rules('required', true, false),
  trust: rules('required', false, false, false),
  endpoint: rules('required', true, false),
}
