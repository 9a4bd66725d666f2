import { describe, expect, it } from 'vitest'
import { createIamDataCatalog } from '../../../../core/catalog/iam-data-catalog.ts'

/** A tiny data directory in memory, recording which files were read */
const fakeData = () => {
  const files: Record<string, unknown> = {
    'services.json': ['s3', 'ec2', 'ec2-instance-connect', 'sts'],
    'unassociatedConditions.json': { saml: ['sts'] },
    'actions/s3.json': {
      getobject: { name: 'GetObject' },
      putobject: { name: 'PutObject' },
      listbucket: { name: 'ListBucket' },
    },
    'actions/ec2.json': { runinstances: { name: 'RunInstances' } },
    'conditionKeys/s3.json': {
      's3:prefix': { key: 's3:prefix', type: 'String' },
      's3:buckettag/${tagkey}': { key: 's3:BucketTag/${TagKey}', type: 'String' },
      'aws:requesttag/${tagkey}': { key: 'aws:RequestTag/${TagKey}', type: 'String' },
    },
    'conditionKeys/ec2.json': { 'ec2:region': { key: 'ec2:Region', type: 'String' } },
    'conditionKeys/ec2-instance-connect.json': { 'ec2:osuser': { key: 'ec2:osuser', type: 'String' } },
    'conditionKeys/sts.json': {
      'sts:externalid': { key: 'sts:ExternalId', type: 'String' },
      'saml:aud': { key: 'saml:aud', type: 'String' },
    },
  }
  const reads: string[] = []
  const read = (path: string): unknown => {
    reads.push(path)
    return files[path]
  }
  const globals = [
    { key: 'aws:SourceIp', type: 'IPAddress' },
    { key: 'aws:PrincipalTag/tag-key', type: 'String' },
    { key: 'aws:TagKeys', type: 'ArrayOfString' },
  ]
  return { catalog: createIamDataCatalog(read, globals), reads }
}

describe('createIamDataCatalog', () => {
  it('reads only the service list and unassociated keys when created', () => {
    const { reads } = fakeData()
    expect(reads).toEqual(['services.json', 'unassociatedConditions.json'])
  })

  it('reads a service file once when its actions are first needed', () => {
    const { catalog, reads } = fakeData()
    catalog.actionExists('s3:GetObject')
    catalog.actionExists('s3:PutObject')
    expect(reads.filter((r) => r === 'actions/s3.json')).toHaveLength(1)
    expect(reads).not.toContain('actions/ec2.json')
  })

  it.each([
    ['s3:GetObject', true],
    ['S3:getobject', true],
    ['s3:GetObjects', false],
    ['s3:Get*', true],
    ['s3:*Object', true],
    ['s3:?etObject', true],
    ['s3:Delete*', false],
    ['*', true],
    ['nope:GetObject', undefined],
    ['s3', false],
  ])('says %s exists: %s', (action, expected) => {
    expect(fakeData().catalog.actionExists(action)).toBe(expected)
  })

  it.each([
    ['aws:SourceIp', { type: 'ip', multi: false, key: 'aws:SourceIp' }],
    ['AWS:SOURCEIP', { type: 'ip', multi: false, key: 'aws:SourceIp' }],
    ['aws:PrincipalTag/team', { type: 'string', multi: false, key: 'aws:PrincipalTag/${TagKey}' }],
    ['aws:TagKeys', { type: 'string', multi: true, key: 'aws:TagKeys' }],
    ['s3:prefix', { type: 'string', multi: false, key: 's3:prefix' }],
    ['s3:BucketTag/owner', { type: 'string', multi: false, key: 's3:BucketTag/${TagKey}' }],
    ['aws:RequestTag/env', { type: 'string', multi: false, key: 'aws:RequestTag/${TagKey}' }],
    ['saml:aud', { type: 'string', multi: false, key: 'saml:aud' }],
    ['ec2:osuser', { type: 'string', multi: false, key: 'ec2:osuser' }],
    [
      'token.actions.githubusercontent.com:sub',
      { type: 'string', multi: false, key: 'token.actions.githubusercontent.com:sub' },
    ],
    ['aws:PrincipalTag/', undefined],
    ['s3:prefx', undefined],
    ['nokey', undefined],
  ])('types condition key %s', (key, expected) => {
    expect(fakeData().catalog.conditionKeyType(key)).toEqual(expected)
  })

  it('lists action names as AWS spells them when asked for a service', () => {
    expect(fakeData().catalog.actionNames?.('S3')).toEqual(['GetObject', 'PutObject', 'ListBucket'])
  })

  it('lists the condition keys of a prefix when asked, from every file that holds them', () => {
    const { catalog } = fakeData()
    expect(catalog.conditionKeyNames?.('s3')).toEqual(['s3:prefix', 's3:BucketTag/${TagKey}'])
    expect(catalog.conditionKeyNames?.('saml')).toEqual(['saml:aud'])
    expect(catalog.conditionKeyNames?.('aws')).toContain('aws:PrincipalTag/${TagKey}')
  })
})
