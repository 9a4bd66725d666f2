import { describe, expect, it } from 'vitest'
import { checkResourcePattern, isKnownPartition, parseArn } from '../../../../core/policy/arn.ts'
import { variable } from './policy-fixtures.ts'

describe('parseArn', () => {
  it('splits the six parts when the ARN is complete', () => {
    expect(parseArn('arn:aws:iam::123456789012:role/path/name')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      account: '123456789012',
      resource: 'role/path/name',
    })
  })

  it('keeps colons in the resource part when the resource holds them', () => {
    expect(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/x:*')?.resource).toBe(
      'log-group:/aws/x:*',
    )
  })

  it('does not split on colons inside a policy variable when one appears before the resource part', () => {
    expect(parseArn('arn:aws:iam::' + variable('aws:PrincipalAccount') + ':user/x')).toMatchObject({
      account: variable('aws:PrincipalAccount'),
      resource: 'user/x',
    })
  })

  it.each(['', '*', 'arn:aws:s3', 'arn:aws:s3::', 'ARN:aws:s3:::b', 'aws:s3:::b:c:d'])(
    'returns undefined when the text %j is not an ARN',
    (text) => {
      expect(parseArn(text)).toBeUndefined()
    },
  )

  it('returns an empty resource part when the ARN ends after the fifth colon', () => {
    expect(parseArn('arn:aws:s3:::')).toMatchObject({ service: 's3', resource: '' })
  })
})

describe('isKnownPartition', () => {
  it.each(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'])(
    'accepts %s when it is an AWS partition',
    (p) => expect(isKnownPartition(p)).toBe(true),
  )

  it.each(['', 'AWS', 'aws-gov', 'azure', '*'])('rejects %j when it is not an AWS partition', (p) =>
    expect(isKnownPartition(p)).toBe(false),
  )
})

describe('checkResourcePattern', () => {
  it.each([
    '*',
    'arn:aws:s3:::bucket/*',
    'arn:aws:s3:::B/*/test/*',
    'arn:aws-cn:ec2:cn-north-1:123456789012:instance/*',
    'arn:*:iam::*:role/*',
    'arn:aws*:sqs:*:*:queue',
    'arn:aws:s3:::bucket/' + variable('aws:username') + '/*',
    'arn:aws:dynamodb:us-east-1:123456789012:table/T',
  ])('accepts %s when it is `*` or a well-formed ARN', (text) => {
    expect(checkResourcePattern(text)).toBeUndefined()
  })

  it.each([
    ['bucket', 'is not `*` or an ARN'],
    ['arn:aws:s3', 'is not `*` or an ARN'],
    ['*:*', 'is not `*` or an ARN'],
    ['arn:amazon:s3:::b', 'unknown partition'],
    ['arn:aws:s3*:::b', 'service part'],
    ['arn:aws:*:::b', 'service part'],
    ['arn:aws::::b', 'invalid service'],
    ['arn:aws:s 3:::b', 'invalid service'],
  ])('rejects %s when it breaks the ARN rules', (text, message) => {
    expect(checkResourcePattern(text)).toContain(message)
  })
})
