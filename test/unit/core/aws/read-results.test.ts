import type { EvaluationResult } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../../../core/aws/plan-check.ts'
import { decisionFor, indexResults } from '../../../../core/aws/read-results.ts'

const SIMULATION: Simulation = {
  api: 'SimulateCustomPolicy',
  policies: [],
  contextEntries: [],
  knownPolicies: [],
  key: '',
}

const decide = (results: EvaluationResult[], action: string, resource: string, only = false) =>
  decisionFor(indexResults(results, only), action, resource, SIMULATION)

const OLD: EvaluationResult[] = [
  { EvalActionName: 's3:GetObject', EvalResourceName: 'arn:aws:s3:::b/1', EvalDecision: 'allowed' },
  {
    EvalActionName: 's3:GetObject',
    EvalResourceName: 'arn:aws:s3:::b/2',
    EvalDecision: 'implicitDeny',
    MissingContextValues: ['aws:SourceIp', 'aws:SourceIp'],
  },
]

const CURRENT: EvaluationResult[] = [
  {
    EvalActionName: 's3:GetObject',
    EvalResourceName: 'arn:${Partition}:s3:::${BucketName}/${KeyName}',
    EvalDecision: 'explicitDeny',
    MissingContextValues: ['aws:SourceIp'],
    ResourceSpecificResults: [
      { EvalResourceName: 'arn:aws:s3:::b/1', EvalResourceDecision: 'allowed' },
      {
        EvalResourceName: 'arn:aws:s3:::b/2',
        EvalResourceDecision: 'explicitDeny',
        MissingContextValues: [],
      },
    ],
  },
  {
    EvalActionName: 'iam:ListRoles',
    EvalResourceName: '*',
    EvalDecision: 'implicitDeny',
    MissingContextValues: ['aws:MultiFactorAuthPresent'],
  },
]

describe('decisionFor', () => {
  it('reads the old shape: one result per action and resource', () => {
    expect(decide(OLD, 's3:GetObject', 'arn:aws:s3:::b/1')).toEqual({
      decision: 'allowed',
      matchedStatements: [],
      missingContextKeys: [],
    })
    expect(decide(OLD, 'S3:getobject', 'arn:aws:s3:::b/2')?.missingContextKeys).toEqual(['aws:SourceIp'])
  })

  it('reads the current shape: per-resource decisions under an ARN template', () => {
    expect(decide(CURRENT, 's3:GetObject', 'arn:aws:s3:::b/1')?.decision).toBe('allowed')
    expect(decide(CURRENT, 's3:GetObject', 'arn:aws:s3:::b/2')).toMatchObject({
      decision: 'explicitDeny',
      missingContextKeys: [],
    })
    expect(decide(CURRENT, 's3:GetObject', 'arn:aws:s3:::b/1')?.missingContextKeys).toEqual(['aws:SourceIp'])
    expect(decide(CURRENT, 'iam:ListRoles', '*')?.missingContextKeys).toEqual(['aws:MultiFactorAuthPresent'])
  })

  it('matches a resource whose case the simulator changed', () => {
    expect(decide(OLD, 's3:GetObject', 'arn:aws:s3:::B/1')?.decision).toBe('allowed')
  })

  it('takes a top-level result for the only resource of a call when the shape has no per-resource results', () => {
    const results: EvaluationResult[] = [
      {
        EvalActionName: 'sqs:SendMessage',
        EvalResourceName: 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}',
        EvalDecision: 'allowed',
      },
    ]
    expect(decide(results, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q', true)?.decision).toBe('allowed')
    expect(decide(results, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:q', false)).toBeUndefined()
  })

  it('returns undefined for a pair the results lack or an unknown decision', () => {
    expect(decide(OLD, 's3:PutObject', 'arn:aws:s3:::b/1')).toBeUndefined()
    expect(
      decide([{ EvalActionName: 'a:b', EvalResourceName: '*', EvalDecision: 'maybe' as never }], 'a:b', '*'),
    ).toBeUndefined()
  })
})
