import { describe, expect, it } from 'vitest'
import { resourceOwner } from '../../../../core/suite/resource-model.ts'

describe('resourceOwner', () => {
  it.each([
    ['the account in the ARN', 'arn:aws:sqs:us-east-1:444455556666:q', '444455556666'],
    ['the caller for an ARN without an account (S3)', 'arn:aws:s3:::bucket/key', '111122223333'],
    ['the caller for an AWS managed policy', 'arn:aws:iam::aws:policy/ReadOnlyAccess', '111122223333'],
    ['the caller for `*`', '*', '111122223333'],
  ])('takes %s', (_, arn, expected) => {
    expect(resourceOwner(undefined, arn, '111122223333')).toBe(expected)
  })
})
