/**
 * Reason codes of trace nodes: one stable code per way a node can come out.
 * @module
 */

/** Every reason code a trace node may carry, with the sentence it stands for */
export const REASONS = {
  'request-evaluated': 'the request was evaluated',
  'get-caller-identity': 'sts:GetCallerIdentity needs no permission and is always allowed',
  'explicit-deny': 'a Deny statement matched',
  'allowed-by-all-required': 'every policy type that must allow did allow',
  'no-allow': 'no statement allowed the request',
  'same-account-resource-grant': 'a same-account resource policy granted the request',
  'policy-type-allows': 'a statement of this policy type allowed the request',
  'policy-type-denies': 'a Deny statement of this policy type matched',
  'policy-type-no-allow': 'no statement of this policy type allowed the request',
  'policy-type-not-applicable': 'this policy type does not take part in this request',
  'policy-allows': 'a statement of this policy allowed the request',
  'policy-denies': 'a Deny statement of this policy matched',
  'policy-no-match': 'no statement of this policy matched',
  'statement-matched': 'every element of the statement matched',
  'action-matched': 'the action is in Action',
  'action-not-matched': 'the action is not in Action',
  'not-action-excluded': 'the action is listed in NotAction',
  'not-action-matched': 'the action is not listed in NotAction',
  'resource-matched': 'the resource is in Resource',
  'resource-not-matched': 'the resource is not in Resource',
  'not-resource-excluded': 'the resource is listed in NotResource',
  'not-resource-matched': 'the resource is not listed in NotResource',
  'resource-absent': 'the statement has no Resource (trust policy): it applies to the role',
  'principal-matched': 'the caller is named in Principal',
  'principal-not-matched': 'the caller is not named in Principal',
  'not-principal-excluded': 'the caller is listed in NotPrincipal',
  'not-principal-matched': 'the caller is not listed in NotPrincipal',
  'not-principal-boundary':
    'Deny with NotPrincipal always applies to a principal that has a permissions boundary',
  'conditions-matched': 'every condition matched',
  'conditions-not-matched': 'a condition did not match',
  'scp-level-no-allow': 'no SCP at this level allowed the request',
  'rcp-level-denies': 'an RCP at this level denied the request',
  'resource-policy-required':
    'this resource policy must allow the caller itself (trust policy or key policy)',
  'account-grant-needs-identity':
    'the resource policy names only the account, so an identity policy must allow too',
  'cross-account-needs-both':
    'a cross-account request needs both the identity side and the resource policy to allow',
  'federated-session-no-policy': 'a federated user session without a session policy has no permissions',
  'root-cannot-assume-role': 'the account root user cannot assume a role',
  'hop-refused': 'a role-chain hop was refused',
} as const

/** A reason code */
export type ReasonCode = keyof typeof REASONS
