import { describe, expect, it } from 'vitest'
import { placeholderIndex, templateRegex, wildcardMatch } from '../../../../core/catalog/name-pattern.ts'

describe('wildcardMatch', () => {
  it.each([
    ['get*', 'getobject', true],
    ['*object', 'getobject', true],
    ['*', '', true],
    ['get?bject', 'getobject', true],
    ['g*t*t', 'getobject', true],
    ['get*x', 'getobject', false],
    ['getobject', 'getobjects', false],
    ['?', '', false],
    ['*a*b', 'aaab', true],
    ['list*s', 'listbuckets', true],
  ])('matches pattern %s against %s: %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected)
  })
})

describe('templateRegex', () => {
  it.each([
    ['s3:BucketTag/${TagKey}', 's3:buckettag/owner', true],
    ['s3:BucketTag/${TagKey}', 's3:buckettag/', false],
    ['s3:ExistingObjectTag/<key>', 's3:existingobjecttag/classification', true],
    ['kms:EncryptionContext:${EncryptionContextKey}', 'kms:encryptioncontext:aws:cloudtrail:arn', true],
    ['agent.${Domain}.buildkite.dev:cluster_id', 'agent.acme.buildkite.dev:cluster_id', true],
    ['agent.${Domain}.buildkite.dev:cluster_id', 'agentXacmeXbuildkiteXdev:cluster_id', false],
  ])('matches template %s against %s: %s', (template, key, expected) => {
    expect(templateRegex(template).test(key)).toBe(expected)
  })

  it.each([
    ['s3:prefix', -1],
    ['s3:BucketTag/${TagKey}', 13],
    ['s3:ExistingObjectTag/<key>', 21],
  ])('finds the first placeholder of %s at %i', (key, index) => {
    expect(placeholderIndex(key)).toBe(index)
  })
})
