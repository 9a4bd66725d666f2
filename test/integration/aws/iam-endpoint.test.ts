import {
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXTRA_POLICIES, type Harness, startHarness } from './aws-fixtures.ts'

const ALLOW_S3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'S3', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
})

describe('the local IAM endpoint', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ extraPolicies: EXTRA_POLICIES })
  })
  afterAll(async () => {
    await h.close()
  })

  it('answers SimulateCustomPolicy in the current shape that the real SDK parses', async () => {
    h.endpoint.settings.shape = 'current'
    const out = await h.client.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_S3],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'],
      }),
    )
    expect(out.IsTruncated).toBe(false)
    expect(out.EvaluationResults).toHaveLength(1)
    const r = out.EvaluationResults![0]!
    expect(r).toMatchObject({
      EvalActionName: 's3:GetObject',
      EvalResourceName: 'arn:${Partition}:s3:::${BucketName}/${KeyName}',
      EvalDecision: 'implicitDeny',
    })
    expect(r.ResourceSpecificResults).toEqual([
      {
        EvalResourceName: 'arn:aws:s3:::b/k',
        EvalResourceDecision: 'allowed',
        MatchedStatements: [
          {
            SourcePolicyId: 'PolicyInputList.1',
            SourcePolicyType: 'none',
            StartPosition: { Line: 1, Column: 38 },
            EndPosition: { Line: 1, Column: 121 },
          },
        ],
        MissingContextValues: [],
      },
      {
        EvalResourceName: 'arn:aws:s3:::c/k',
        EvalResourceDecision: 'implicitDeny',
        MatchedStatements: [],
        MissingContextValues: [],
      },
    ])
  })

  it('answers one result per action and resource in the old shape', async () => {
    h.endpoint.settings.shape = 'old'
    const out = await h.client.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_S3],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'],
      }),
    )
    expect(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual(
      [
        ['s3:GetObject', 'arn:aws:s3:::b/k', 'allowed'],
        ['s3:GetObject', 'arn:aws:s3:::c/k', 'implicitDeny'],
        ['s3:PutObject', 'arn:aws:s3:::b/k', 'implicitDeny'],
        ['s3:PutObject', 'arn:aws:s3:::c/k', 'implicitDeny'],
      ],
    )
    h.endpoint.settings.shape = 'current'
  })

  it('pages with MaxItems and Marker', async () => {
    const input = {
      PolicyInputList: [ALLOW_S3],
      ActionNames: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      MaxItems: 2,
    }
    const first = await h.client.send(new SimulateCustomPolicyCommand(input))
    expect(first.IsTruncated).toBe(true)
    expect(first.EvaluationResults).toHaveLength(2)
    const second = await h.client.send(new SimulateCustomPolicyCommand({ ...input, Marker: first.Marker }))
    expect(second.IsTruncated).toBe(false)
    expect(second.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['s3:DeleteObject'])
  })

  it('fails like IAM: InvalidInput with HTTP 400, NoSuchEntity with 404, throttling when told', async () => {
    const wildcard = h.client.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [ALLOW_S3], ActionNames: ['s3:Get*'] }),
    )
    await expect(wildcard).rejects.toMatchObject({ Code: 'InvalidInput', $metadata: { httpStatusCode: 400 } })
    const missing = h.client.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: 'arn:aws:iam::111122223333:user/nobody',
        ActionNames: ['s3:GetObject'],
      }),
    )
    await expect(missing).rejects.toMatchObject({ Code: 'NoSuchEntity', $metadata: { httpStatusCode: 404 } })
    h.endpoint.failNext(1)
    const throttled = h.client.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [ALLOW_S3], ActionNames: ['s3:GetObject'] }),
    )
    await expect(throttled).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    })
    h.endpoint.failNext(1, { code: 'ServiceFailure' })
    const failed = h.client.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [ALLOW_S3], ActionNames: ['s3:GetObject'] }),
    )
    await expect(failed).rejects.toMatchObject({ Code: 'ServiceFailure', $metadata: { httpStatusCode: 500 } })
  })

  it('simulates an account principal with its own, group, managed and boundary policies', async () => {
    const out = await h.client.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: 'arn:aws:iam::111122223333:user/alice',
        ActionNames: ['s3:GetObject', 'iam:CreateUser', 'sqs:SendMessage'],
      }),
    )
    expect(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['iam:CreateUser', 'explicitDeny'],
      ['sqs:SendMessage', 'implicitDeny'],
    ])
    expect(out.EvaluationResults?.[0]?.MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'read-s3',
      SourcePolicyType: 'group',
    })
    expect(out.EvaluationResults?.[1]?.MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'DenyIamWrites',
      SourcePolicyType: 'user-managed',
    })
  })

  it('records every call with its parsed parameters', () => {
    const call = h.endpoint.callsTo('SimulateCustomPolicy')[0]!
    expect(call.params).toMatchObject({
      Action: 'SimulateCustomPolicy',
      Version: '2010-05-08',
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'],
    })
  })

  it('pages GetAccountAuthorizationDetails with URL-encoded documents the SDK returns as text', async () => {
    const first = await h.client.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2 }))
    expect(first.IsTruncated).toBe(true)
    expect(first.UserDetailList?.[0]?.UserName).toBe('alice')
    expect(first.UserDetailList?.[0]?.CreateDate).toEqual(new Date('2024-01-02T03:04:05Z'))
    expect(
      decodeURIComponent(first.UserDetailList?.[0]?.UserPolicyList?.[0]?.PolicyDocument ?? ''),
    ).toContain('logs:GetLogEvents')
    const rest = await h.client.send(
      new GetAccountAuthorizationDetailsCommand({ MaxItems: 100, Marker: first.Marker }),
    )
    expect(rest.IsTruncated).toBe(false)
    expect(rest.RoleDetailList?.map((r) => r.RoleName)).toEqual(['AppRole'])
    const roles = await h.client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }))
    expect([roles.UserDetailList?.length, roles.RoleDetailList?.length, roles.Policies?.length]).toEqual([
      0, 1, 0,
    ])
  })

  it('serves GetPolicy and GetPolicyVersion, also for policies outside the account answer', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    const policy = await h.client.send(new GetPolicyCommand({ PolicyArn: arn }))
    expect(policy.Policy?.DefaultVersionId).toBe('v9')
    const version = await h.client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' }))
    expect(decodeURIComponent(version.PolicyVersion?.Document ?? '')).toContain('sqs:Get*')
  })
})
