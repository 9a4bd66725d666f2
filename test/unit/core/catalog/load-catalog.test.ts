import { describe, expect, it } from 'vitest'
import { loadIamCatalog } from '../../../../core/catalog/load-catalog.ts'

describe('loadIamCatalog', () => {
  it('returns the same catalog when called twice', async () => {
    expect(await loadIamCatalog()).toBe(await loadIamCatalog())
  })

  it.each([
    ['s3:GetObject', true],
    ['iam:PassRole', true],
    ['IAM:passrole', true],
    ['ec2:RunInstances', true],
    ['sts:AssumeRole', true],
    ['s3:GetObjects', false],
    ['s3:List*', true],
    ['s3:Gett*', false],
    ['iam:*', true],
    ['notaservice:GetThing', undefined],
  ])('knows whether %s exists (%s) when looking it up in the real data', async (action, expected) => {
    expect((await loadIamCatalog()).actionExists(action)).toBe(expected)
  })

  it.each(['s3', 'S3', 'iam', 'execute-api', 'sts'])('knows service %s when asked', async (prefix) => {
    expect((await loadIamCatalog()).serviceExists(prefix)).toBe(true)
  })

  it('does not know a made-up service prefix when asked', async () => {
    expect((await loadIamCatalog()).serviceExists('notaservice')).toBe(false)
  })

  it.each([
    ['aws:SourceIp', 'ip', false],
    ['aws:MultiFactorAuthPresent', 'boolean', false],
    ['aws:MultiFactorAuthAge', 'numeric', false],
    ['aws:CurrentTime', 'date', false],
    ['aws:PrincipalArn', 'arn', false],
    ['aws:TagKeys', 'string', true],
    ['aws:PrincipalTag/team', 'string', false],
    ['aws:principaltag/Team', 'string', false],
    ['aws:RequestTag/env', 'string', false],
    ['aws:ResourceTag/owner', 'string', false],
    ['s3:prefix', 'string', false],
    ['S3:PREFIX', 'string', false],
    ['s3:max-keys', 'numeric', false],
    ['s3:ExistingObjectTag/classification', 'string', false],
    ['ec2:ResourceTag/Name', 'string', false],
    ['iam:PassedToService', 'string', false],
    ['sts:ExternalId', 'string', false],
    ['saml:aud', 'string', false],
    ['kms:EncryptionContext:aws:cloudtrail:arn', 'string', false],
    ['token.actions.githubusercontent.com:sub', 'string', false],
    ['oidc.eks.eu-west-1.amazonaws.com/id/ABC123:aud', 'string', false],
  ])('types %s as %s (multi %s) when looking it up in the real data', async (key, type, multi) => {
    expect((await loadIamCatalog()).conditionKeyType(key)).toMatchObject({ type, multi })
  })

  it.each(['s3:prefx', 'aws:NotAKey', 'notaservice:key', 'aws:PrincipalTag/'])(
    'does not know condition key %s when looking it up',
    async (key) => {
      expect((await loadIamCatalog()).conditionKeyType(key)).toBeUndefined()
    },
  )
})
