import { describe, expect, it } from 'vitest'
import { lintPolicy } from '../../../../../core/policy/lint/lint-policy.ts'
import { lintInlineTotal, lintSize, utf8Length } from '../../../../../core/policy/lint/size-quota.ts'
import type { PolicyAttachment } from '../../../../../core/policy/lint/types.ts'
import type { PolicyKind } from '../../../../../core/policy/types.ts'
import { parse } from './lint-fixtures.ts'

/** A valid policy text of about `chars` characters without whitespace */
const policyOfSize = (chars: number, kind: PolicyKind = 'identity'): string => {
  const head =
    kind === 'trust'
      ? '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"'
      : '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::'
  const tail = kind === 'trust' ? '"}}}]}' : '"}]}'
  return head + 'a'.repeat(Math.max(0, chars - head.length - tail.length)) + tail
}

describe('lintSize', () => {
  it.each<[string, PolicyKind, PolicyAttachment | undefined, number, boolean]>([
    ['a managed policy over 6,144', 'identity', 'managed', 6145, true],
    ['a managed policy at 6,144', 'identity', 'managed', 6144, false],
    ['a boundary (managed) over 6,144', 'boundary', undefined, 6200, true],
    ['a user inline policy over 2,048', 'identity', 'inline-user', 2049, true],
    ['a group inline policy under 5,120', 'identity', 'inline-group', 5000, false],
    ['a group inline policy over 5,120', 'identity', 'inline-group', 5121, true],
    ['a role inline policy under 10,240', 'identity', 'inline-role', 10_240, false],
    ['a role inline policy over 10,240', 'identity', 'inline-role', 10_241, true],
    ['a trust policy over 2,048', 'trust', undefined, 2049, true],
    ['a trust policy at 2,048', 'trust', 'trust', 2048, false],
    ['an SCP over 5,120 bytes', 'scp', undefined, 5121, true],
    ['an identity policy of unknown attachment', 'identity', undefined, 50_000, false],
  ])('reports %s: %s', (_name, kind, attachment, size, expected) => {
    const text = policyOfSize(size, kind)
    const issues = lintSize({ kind, text, ...(attachment ? { attachment } : {}) })
    expect(issues.length > 0).toBe(expected)
    if (expected) expect(issues[0]).toMatchObject({ code: 'size-quota', severity: 'warning', path: '' })
  })

  it('does not count whitespace for IAM quotas when the text is pretty-printed', () => {
    const text = JSON.stringify(JSON.parse(policyOfSize(6000)), null, 40)
    expect(text.length).toBeGreaterThan(6144)
    expect(lintSize({ kind: 'identity', attachment: 'managed', text })).toEqual([])
  })

  it('counts whitespace for SCPs and says the console would strip it when that is the only excess', () => {
    const text = JSON.stringify(JSON.parse(policyOfSize(5000)), null, 40)
    const [issue] = lintSize({ kind: 'scp', text })
    expect(issue?.message).toContain('the console strips it')
  })

  it('decodes URL-encoded text before counting when the text is encoded', () => {
    const text = encodeURIComponent(policyOfSize(6100))
    expect(text.length).toBeGreaterThan(6144)
    expect(lintSize({ kind: 'identity', attachment: 'managed', text })).toEqual([])
  })

  it('reports nothing when there is no text', () => {
    expect(lintSize({ kind: 'identity', attachment: 'managed' })).toEqual([])
  })

  it('anchors the finding at the document when run through lintPolicy', () => {
    const text = policyOfSize(6200)
    const doc = parse(text)
    const issues = lintPolicy(doc, { kind: 'identity', attachment: 'managed', text })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.span).toEqual(doc.span)
    expect(issues[0]?.message).toBe(
      'managed policy is 6,200 characters without whitespace; IAM rejects managed policies over 6,144',
    )
  })
})

describe('lintInlineTotal', () => {
  it.each<['user' | 'group' | 'role', number[], boolean]>([
    ['user', [1000, 1000], false],
    ['user', [1000, 1049], true],
    ['group', [3000, 2000], false],
    ['group', [3000, 2121], true],
    ['role', [5000, 5240], false],
    ['role', [5000, 5000, 300], true],
  ])('sums the inline policies of a %s (%j): over the quota %s', (entity, sizes, expected) => {
    const issues = lintInlineTotal(
      entity,
      sizes.map((s) => policyOfSize(s)),
    )
    expect(issues.length > 0).toBe(expected)
  })

  it('names the count, total and quota in its message when over', () => {
    const [issue] = lintInlineTotal('user', [policyOfSize(1500), policyOfSize(600)])
    expect(issue?.message).toBe(
      'the 2 inline policies of this user total 2,100 characters without whitespace; IAM allows 2,048 per user',
    )
  })
})

describe('utf8Length', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ])('counts %s as %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes)
  })
})
