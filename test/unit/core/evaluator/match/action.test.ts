import { describe, expect, it } from 'vitest'
import { actionListMatchesReference, compileActionList } from '../../../../../core/evaluator/match/action.ts'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
const table: [patterns: string[], action: string, expected: boolean][] = [
  [['s3:GetObject'], 's3:GetObject', true],
  [['S3:getobject'], 's3:GetObject', true], // prefix and name are case-insensitive
  [['IAM:listaccesskeys'], 'iam:ListAccessKeys', true],
  [['iam:?etUser'], 'iam:GetUser', true], // ? is exactly one character
  [['iam:?etUser'], 'iam:UpdateUser', false],
  [['s3:Get*'], 's3:GetObjectTagging', true],
  [['s3:Get*'], 's3:PutObject', false],
  [['s3:*'], 's3:PutObject', true],
  [['s3:*'], 'ec2:RunInstances', false],
  [['*'], 'ec2:RunInstances', true],
  [['ec2:*Instances'], 'ec2:DescribeInstances', true],
  [['ec2:*Instances'], 'ec2:DescribeInstanceStatus', false],
  [['ec2:Describe*', 's3:List*'], 's3:ListBucket', true],
  [['s3:GetObject'], 's3:GetObjectAcl', false],
  [['s3:Get?bject'], 's3:GetObject', true],
]

describe('compileActionList', () => {
  it.each(table)('matches %j against %s as %s', (patterns, action, expected) => {
    expect(compileActionList(patterns).matches(action.toLowerCase())).toBe(expected)
    expect(actionListMatchesReference(patterns, action)).toBe(expected)
  })

  it('lists the services a list can match when no service part has a wildcard', () => {
    expect([...(compileActionList(['s3:Get*', 'EC2:Describe*']).services ?? [])].sort()).toEqual([
      'ec2',
      's3',
    ])
    expect(compileActionList(['*']).services).toBeUndefined()
  })
})
