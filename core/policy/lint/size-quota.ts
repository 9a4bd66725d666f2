/**
 * The `size-quota` lint rule: policy documents over the size IAM or Organizations accepts. IAM
 * counts characters without whitespace; an SCP is limited in bytes, whitespace included unless the
 * console saved it (the console strips whitespace between elements, the API and CLI keep it).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * @module
 */
import type { Issue } from '../issue.ts'
import { decodePolicyDocumentText } from '../parse-policy.ts'
import { countPolicyCharacters, POLICY_SIZE_LIMITS } from '../policy-size.ts'
import { NO_SPAN, type Span } from '../source-node.ts'
import type { InlineEntityKind, LintSource, PolicyAttachment } from './types.ts'

const INLINE_LIMITS: Readonly<Record<InlineEntityKind, number>> = {
  user: POLICY_SIZE_LIMITS.userInlineTotal,
  group: POLICY_SIZE_LIMITS.groupInlineTotal,
  role: POLICY_SIZE_LIMITS.roleInlineTotal,
}

const n = (value: number): string => value.toLocaleString('en-US')

/** The UTF-8 length of a text */
export const utf8Length = (text: string): number => {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

const issue = (message: string, span: Span): Issue => ({
  code: 'size-quota',
  message,
  path: '',
  span,
  severity: 'warning',
})

/** The attachment a source implies when it gives none: trust and SCP kinds have their own quota */
const attachmentOf = (source: LintSource): PolicyAttachment | undefined => {
  if (source.attachment !== undefined) return source.attachment
  if (source.kind === 'trust') return 'trust'
  if (source.kind === 'scp') return 'scp'
  if (source.kind === 'boundary') return 'managed'
  return undefined
}

const inlineEntity = (attachment: PolicyAttachment): InlineEntityKind | undefined =>
  attachment === 'inline-user'
    ? 'user'
    : attachment === 'inline-group'
      ? 'group'
      : attachment === 'inline-role'
        ? 'role'
        : undefined

/** `size-quota` findings for one document; nothing without its text or a known attachment */
export const lintSize = (source: LintSource, span: Span = NO_SPAN): Issue[] => {
  const attachment = attachmentOf(source)
  if (source.text === undefined || attachment === undefined) return []
  const text = decodePolicyDocumentText(source.text)
  const chars = countPolicyCharacters(text)
  if (attachment === 'scp') {
    const bytes = utf8Length(text)
    if (bytes <= POLICY_SIZE_LIMITS.scpBytes) return []
    const whitespace = text.length - chars
    const stripped = bytes - whitespace <= POLICY_SIZE_LIMITS.scpBytes
    const hint = stripped
      ? '; without whitespace it would fit, and the console strips it, but the API and CLI keep it'
      : ''
    return [
      issue(
        `SCP is ${n(bytes)} bytes; Organizations rejects SCPs over ${n(POLICY_SIZE_LIMITS.scpBytes)} bytes${hint}`,
        span,
      ),
    ]
  }
  if (attachment === 'managed' && chars > POLICY_SIZE_LIMITS.managedPolicy) {
    const message = `managed policy is ${n(chars)} characters without whitespace; IAM rejects managed policies over ${n(POLICY_SIZE_LIMITS.managedPolicy)}`
    return [issue(message, span)]
  }
  if (attachment === 'trust' && chars > POLICY_SIZE_LIMITS.trustPolicy) {
    const message = `trust policy is ${n(chars)} characters without whitespace; IAM rejects trust policies over ${n(POLICY_SIZE_LIMITS.trustPolicy)} unless the account's quota was raised (at most 4,096)`
    return [issue(message, span)]
  }
  const entity = inlineEntity(attachment)
  if (entity !== undefined && chars > INLINE_LIMITS[entity]) {
    const message = `inline policy is ${n(chars)} characters without whitespace; all inline policies of a ${entity} together may hold at most ${n(INLINE_LIMITS[entity])}`
    return [issue(message, span)]
  }
  return []
}

/**
 * `size-quota` finding for the inline policies of one entity, which share one quota (user 2,048,
 * group 5,120, role 10,240 characters without whitespace); texts may be URL-encoded
 */
export const lintInlineTotal = (entityKind: InlineEntityKind, texts: readonly string[]): Issue[] => {
  const total = texts.reduce((sum, t) => sum + countPolicyCharacters(decodePolicyDocumentText(t)), 0)
  const limit = INLINE_LIMITS[entityKind]
  if (total <= limit) return []
  const count = texts.length === 1 ? 'the inline policy' : `the ${texts.length} inline policies`
  const message = `${count} of this ${entityKind} total ${n(total)} characters without whitespace; IAM allows ${n(limit)} per ${entityKind}`
  return [issue(message, NO_SPAN)]
}
