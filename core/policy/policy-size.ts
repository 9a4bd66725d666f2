/**
 * Policy size quotas and the characters IAM accepts in a policy document.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * @module
 */

/** Size quotas, in characters unless the name says bytes */
export const POLICY_SIZE_LIMITS = {
  /** Managed policy document, whitespace not counted */
  managedPolicy: 6_144,
  /** Inline policies summed per entity, whitespace not counted */
  userInlineTotal: 2_048,
  groupInlineTotal: 5_120,
  roleInlineTotal: 10_240,
  /** Role trust policy (default; raisable to 4,096) */
  trustPolicy: 2_048,
  /** Service control policy, in bytes */
  scpBytes: 5_120,
  /** Session policy passed to AssumeRole, plaintext characters */
  sessionPolicy: 2_048,
  /** VPC endpoint policy, whitespace included */
  endpointPolicy: 20_480,
  /** Each policy string given to the policy simulator */
  simulatorPolicy: 131_072,
} as const

const isWhitespace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/** Counts the characters of a policy text, by default leaving out whitespace as IAM does for its quotas */
export const countPolicyCharacters = (
  text: string,
  options: { includeWhitespace?: boolean } = {},
): number => {
  if (options.includeWhitespace === true) return text.length
  let count = 0
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) count++
  return count
}

/** The first character IAM does not accept (only tab, LF, CR and U+0020–U+00FF are allowed), or undefined */
export const findDisallowedCharacter = (
  text: string,
): { readonly index: number; readonly char: string } | undefined => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c > 0xff)
      return { index: i, char: String.fromCodePoint(text.codePointAt(i)!) }
  }
  return undefined
}
