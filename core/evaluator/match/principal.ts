/**
 * Principal / NotPrincipal matching in resource-based, trust and endpoint policies, and which form of
 * principal a grant named (the form decides which implicit denies a same-account grant overrides).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @module
 */
import type { PrincipalSet } from '../../policy/types.ts'
import type { Caller } from '../types.ts'

/**
 * How a statement's Principal named the caller:
 * - `everyone`: `*`
 * - `account`: the caller's account id or `arn:aws:iam::A:root` (delegates to the account's IAM policies)
 * - `user`: the caller's IAM user ARN
 * - `role`: the IAM role ARN of the caller's session
 * - `session`: the caller's role session ARN
 * - `federated`: the caller's federated user ARN
 * - `federatingUser`: the ARN of the IAM user who called GetFederationToken for this session
 * - `service`, `provider`, `canonicalUser`: a Service, Federated or CanonicalUser principal
 */
export type PrincipalForm =
  | 'everyone'
  | 'account'
  | 'user'
  | 'role'
  | 'session'
  | 'federated'
  | 'federatingUser'
  | 'service'
  | 'provider'
  | 'canonicalUser'

const ACCOUNT_ID = /^\d{12}$/
const ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}):root$/

/** The account an AWS principal value names as a whole account, if it does */
export const accountOfPrincipalValue = (value: string): string | undefined =>
  ACCOUNT_ID.test(value) ? value : ROOT_ARN.exec(value)?.[1]

/** The identities a caller is known by, most specific last (account, role, session / user) */
export const callerIdentities = (caller: Caller): readonly string[] => {
  const ids: string[] = []
  if (caller.account && caller.type !== 'service') ids.push(`arn:aws:iam::${caller.account}:root`)
  if (caller.roleArn) ids.push(caller.roleArn)
  if (caller.type !== 'root' && caller.type !== 'anonymous') ids.push(caller.arn)
  return ids
}

/**
 * How many implicit denies a same-account grant in this form overrides (A.3 of the facts): a session,
 * federated-user or `*` grant overrides identity, boundary and session-policy implicit denies; a user
 * grant the identity and boundary ones; a role or federating-user grant the identity one only; an
 * account grant none (it delegates to the account's IAM policies)
 */
export const FORM_STRENGTH: Readonly<Record<PrincipalForm, number>> = {
  account: 0,
  role: 1,
  federatingUser: 1,
  user: 2,
  everyone: 3,
  session: 3,
  federated: 3,
  service: 3,
  provider: 3,
  canonicalUser: 3,
}

/** Which form of the caller one AWS principal value names, or undefined when it does not name the caller */
const awsValueNames = (value: string, caller: Caller): PrincipalForm | undefined => {
  if (value === '*') return 'everyone'
  if (caller.type === 'anonymous' || caller.type === 'service') return undefined
  const account = accountOfPrincipalValue(value)
  if (account !== undefined) return caller.account === account ? 'account' : undefined
  if (value === caller.arn) {
    switch (caller.type) {
      case 'user':
        return 'user'
      case 'assumedRole':
        return 'session'
      case 'federatedUser':
        return 'federated'
      default:
        return undefined
    }
  }
  if (caller.roleArn !== undefined && value === caller.roleArn) return 'role'
  if (caller.federatingUserArn !== undefined && value === caller.federatingUserArn) return 'federatingUser'
  return undefined
}

/** The form in which a Principal element names the caller (the most specific one), or undefined */
export const principalNames = (set: PrincipalSet, caller: Caller): PrincipalForm | undefined => {
  if (set.everyone) return 'everyone'
  let found: PrincipalForm | undefined
  for (const value of set.aws) {
    const form = awsValueNames(value, caller)
    if (form === undefined) continue
    if (found === undefined || FORM_STRENGTH[form] > FORM_STRENGTH[found]) found = form
  }
  if (found) return found
  if (caller.type === 'service' && set.service.includes(caller.arn)) return 'service'
  if (caller.federatedProvider !== undefined && set.federated.includes(caller.federatedProvider))
    return 'provider'
  if (caller.canonicalUser !== undefined && set.canonicalUser.includes(caller.canonicalUser))
    return 'canonicalUser'
  return undefined
}

/**
 * True when a NotPrincipal element excludes the caller. AWS checks the account, then the role, then
 * the session, so a caller is excluded only when every identity it is known by is listed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
export const notPrincipalExcludes = (set: PrincipalSet, caller: Caller): boolean => {
  if (set.everyone) return true
  if (caller.type === 'service') return set.service.includes(caller.arn)
  if (caller.type === 'anonymous') return false
  const ids = callerIdentities(caller)
  const listed = new Set(set.aws.map((v) => (ACCOUNT_ID.test(v) ? `arn:aws:iam::${v}:root` : v)))
  return ids.length > 0 && ids.every((id) => listed.has(id))
}
