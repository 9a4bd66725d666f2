/**
 * Entry points from policy text, plain values and source trees to validated PolicyDocuments.
 * The raw IAM API returns documents URL-encoded (`%7B%22Version…`); the text entry point decodes them.
 * @module
 */
import type { Issue, Result } from './issue.ts'
import { parseJsonSource } from './parse-json.ts'
import { fromPlainValue, type SourceNode, type Span } from './source-node.ts'
import type { PolicyDocument, PolicyKind } from './types.ts'
import { validatePolicy } from './validate-policy.ts'

const tryDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/**
 * Returns the JSON text of a policy document that may be URL-encoded (RFC 3986, as the IAM API
 * returns it): decoded when it starts with `%7B`, or when it is not JSON but decodes to JSON; unchanged
 * otherwise (including when decoding fails)
 */
export const decodePolicyDocumentText = (text: string): string => {
  const trimmed = text.trimStart()
  if (trimmed.slice(0, 3).toUpperCase() === '%7B') return tryDecode(text) ?? text
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || !text.includes('%')) return text
  const decoded = tryDecode(text)
  return decoded?.trimStart().startsWith('{') ? decoded : text
}

/** Parses and validates policy JSON text (URL-encoded text is decoded first) */
export const parsePolicyText = (text: string, kind: PolicyKind): Result<PolicyDocument> => {
  const parsed = parseJsonSource(decodePolicyDocumentText(text))
  return parsed.ok ? validatePolicy(parsed.value, kind) : parsed
}

/** Gives every node of a tree the same span */
const withSpan = (node: SourceNode, span: Span): SourceNode => {
  switch (node.kind) {
    case 'object':
      return {
        kind: 'object',
        entries: node.entries.map((e) => ({ key: e.key, keySpan: span, value: withSpan(e.value, span) })),
        span,
      }
    case 'array':
      return { kind: 'array', items: node.items.map((item) => withSpan(item, span)), span }
    default:
      return { ...node, span }
  }
}

const reanchorIssues = (issues: readonly Issue[], span: Span): Issue[] =>
  issues.map((issue) => ({ ...issue, span }))

/**
 * Validates a policy given as a source tree (from JSON or YAML). A string node is taken as policy JSON
 * text; its issues and document then point at the string itself
 */
export const parsePolicyNode = (node: SourceNode, kind: PolicyKind): Result<PolicyDocument> => {
  if (node.kind !== 'string') return validatePolicy(node, kind)
  const parsed = parseJsonSource(decodePolicyDocumentText(node.value))
  if (!parsed.ok) return { ok: false, issues: reanchorIssues(parsed.issues, node.span) }
  return validatePolicy(withSpan(parsed.value, node.span), kind)
}

/**
 * Validates a policy given as a plain JS value (every span is NO_SPAN). A string is taken as policy
 * JSON text, as with parsePolicyText
 */
export const parsePolicyValue = (value: unknown, kind: PolicyKind): Result<PolicyDocument> =>
  typeof value === 'string' ? parsePolicyText(value, kind) : validatePolicy(fromPlainValue(value), kind)
