/**
 * What the simulator cannot model (facts E.4): such checks are not sent, and the AWS side of the
 * report says why (`{ "skipped": "<reason>" }`); they are never counted as divergent.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 * @module
 */
import type { Identity, ResourceModel } from '../evaluator/model.ts'
import type { Check } from '../suite/index.ts'
import { parsePrincipalArn } from '../suite/index.ts'

/** Why a check is not sent to the simulator, by code */
export const SKIP_REASONS = {
  'role-chain': 'the simulator cannot walk a role chain (`via`)',
  'session-policy': 'the simulator does not model session policies',
  rcp: 'the simulator does not support resource control policies (RCPs)',
  'trust-policy':
    'the simulator does not evaluate a role trust policy (resource policies on IAM roles are not supported)',
  'session-principal':
    'the simulator cannot act as a role session or federated user (`CallerArn` must be a user or role ARN)',
  anonymous: 'the simulator cannot simulate an anonymous caller',
  root: 'the simulator cannot simulate the account root user',
  service: 'the simulator cannot simulate a service principal',
  'endpoint-policy': 'the simulator has no parameter for VPC endpoint policies',
  'wildcard-action': 'SimulateCustomPolicy does not accept wildcards in action names',
  'scp-levels': 'the simulator accepts at most 7 SCP levels (root, OUs, account)',
} as const

/** A skip reason's code */
export type SkipCode = keyof typeof SKIP_REASONS

/** The most SCP levels OrderedOrganizationPolicyInputList takes */
export const MAX_SCP_LEVELS = 7

/** A check that may carry a VPC endpoint policy (not yet a field of Check) */
type MaybeEndpoint = Check & { readonly endpointPolicy?: unknown }

/** True for an action name with a wildcard (`*` or `?`) */
export const hasWildcard = (action: string): boolean => /[*?]/.test(action)

/**
 * Why the simulator cannot model a check, or undefined when it can. `custom` says whether the check
 * would go to SimulateCustomPolicy (which takes no wildcard actions)
 */
export const skipCodeOf = (
  check: Check,
  identity: Identity | undefined,
  resource: ResourceModel | undefined,
  custom: boolean,
): SkipCode | undefined => {
  if (check.via.length > 0) return 'role-chain'
  const principal = parsePrincipalArn(check.principal)
  if (principal?.kind === 'anonymous' || identity?.caller.type === 'anonymous') return 'anonymous'
  if (principal?.kind === 'root' || identity?.caller.type === 'root') return 'root'
  if (identity?.caller.type === 'service') return 'service'
  if (principal?.kind === 'assumedRole' || principal?.kind === 'federatedUser') return 'session-principal'
  if (identity?.caller.type === 'federatedUser') return 'session-principal'
  if (identity?.sessionPolicies && identity.sessionPolicies.length > 0) return 'session-policy'
  if (resource?.policyKind === 'trust' && resource.policy !== undefined) return 'trust-policy'
  if (resource?.rcpLevels?.some((level) => level.length > 0)) return 'rcp'
  if ((check as MaybeEndpoint).endpointPolicy !== undefined) return 'endpoint-policy'
  if (custom && (identity?.scpLevels?.length ?? 0) > MAX_SCP_LEVELS) return 'scp-levels'
  if (custom && hasWildcard(check.action)) return 'wildcard-action'
  return undefined
}
