import { describe, expect, it } from 'vitest'
import { policyJson } from '../../../../core/aws/policy-json.ts'
import { parsePolicyValue } from '../../../../core/policy/index.ts'

describe('policyJson', () => {
  it('sends the text a suite loaded, decoded when URL-encoded', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }
    const parsed = parsePolicyValue(doc, 'identity')
    if (!parsed.ok) throw new Error('bad policy')
    const text = JSON.stringify(doc, null, 2)
    expect(policyJson({ name: 'p', document: parsed.value, source: text } as never)).toBe(text)
    expect(policyJson({ name: 'p', document: parsed.value, source: encodeURIComponent(text) } as never)).toBe(
      text,
    )
  })

  it('writes a document without source back as equivalent JSON', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'S',
          Effect: 'Deny',
          Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
          NotAction: ['s3:Get*', 's3:List*'],
          Resource: 'arn:aws:s3:::b/*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }
    const parsed = parsePolicyValue(doc, 'resource')
    if (!parsed.ok) throw new Error('bad policy')
    expect(JSON.parse(policyJson({ name: 'p', document: parsed.value }))).toEqual({
      ...doc,
      Statement: [{ ...doc.Statement[0], Principal: { AWS: 'arn:aws:iam::111122223333:root' } }],
    })
  })
})
