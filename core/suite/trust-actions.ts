/**
 * The actions a role's trust policy governs: for these (and only these) a role's trust policy is
 * the resource-based policy of a request on the role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
 * @module
 */

/** The actions a role's trust policy governs, in lower case */
export const TRUST_ACTIONS: readonly string[] = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
]

/** True for an action a trust policy governs (case-insensitive) */
export const isTrustAction = (action: string): boolean => TRUST_ACTIONS.includes(action.toLowerCase())
