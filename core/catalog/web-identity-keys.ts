/**
 * Condition keys of web identity (OIDC) federation that IAM offers for any identity provider, named
 * `<provider URL>:<claim>`. The service authorization data lists only the claims of a few well-known
 * providers, so trust policies for EKS, GitHub (`token.actions.githubusercontent.com:sub`) or any
 * other OIDC provider would look unknown without this table.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * @module
 */
import type { ConditionKeyInfo } from './types.ts'

/** The claims IAM accepts for every OIDC provider */
export const WEB_IDENTITY_CLAIMS: readonly string[] = ['amr', 'aud', 'azp', 'email', 'oaud', 'sub']

/**
 * The info for `provider:claim` when the prefix looks like an OIDC provider URL (a host name, with an
 * optional path) and the claim is one IAM accepts for every provider; undefined otherwise
 */
export const webIdentityKey = (key: string): ConditionKeyInfo | undefined => {
  const colon = key.lastIndexOf(':')
  if (colon < 1) return undefined
  const provider = key.slice(0, colon)
  const claim = key.slice(colon + 1).toLowerCase()
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s:]*)?$/i.test(provider)) return undefined
  if (!WEB_IDENTITY_CLAIMS.includes(claim)) return undefined
  return { type: 'string', multi: false, key: `${provider}:${claim}` }
}
