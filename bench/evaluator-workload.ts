/**
 * A seeded evaluator workload: one principal with 10 identity policies of 5 statements (wildcards,
 * NotAction, conditions on tags, IPs, dates, MFA), a permissions boundary, a bucket policy and 10,000
 * distinct requests over about 50 real actions, some cross-account.
 * @module
 */

import { policySetFor } from '../core/evaluator/check.ts'
import { singleValue } from '../core/evaluator/context-value.ts'
import { deriveContext } from '../core/evaluator/derive-context.ts'
import type { CheckInput, Identity, ResourceModel } from '../core/evaluator/model.ts'
import type { AuthorizationRequest, ContextValue, PolicySet } from '../core/evaluator/types.ts'
import { parsePolicyValue } from '../core/policy/index.ts'
import type { NamedPolicy } from '../core/policy/types.ts'

/** A small deterministic PRNG (mulberry32) */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  's3:GetBucketPolicy',
  's3:PutBucketPolicy',
  's3:GetObjectTagging',
  's3:PutObjectAcl',
  's3:ListAllMyBuckets',
  's3:DeleteBucket',
  'ec2:DescribeInstances',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
  'ec2:StartInstances',
  'ec2:StopInstances',
  'ec2:CreateTags',
  'ec2:DescribeVpcs',
  'ec2:AuthorizeSecurityGroupIngress',
  'iam:GetRole',
  'iam:PassRole',
  'iam:CreateUser',
  'iam:DeleteUser',
  'iam:ListRoles',
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:CreateAccessKey',
  'iam:ListMFADevices',
  'iam:EnableMFADevice',
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:CreateKey',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:DeleteTable',
  'dynamodb:Scan',
  'lambda:InvokeFunction',
  'lambda:CreateFunction',
  'lambda:UpdateFunctionCode',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sqs:DeleteQueue',
  'sns:Publish',
  'logs:PutLogEvents',
  'logs:CreateLogGroup',
  'cloudwatch:PutMetricData',
  'sts:AssumeRole',
  'sts:GetCallerIdentity',
  'secretsmanager:GetSecretValue',
]

const ACCOUNT = '111122223333'
const OTHER = '444455556666'

const doc = (name: string, value: unknown, kind: 'identity' | 'boundary' | 'resource'): NamedPolicy => {
  const parsed = parsePolicyValue(value, kind)
  if (!parsed.ok)
    throw new Error(`bench policy ${name} is invalid: ${parsed.issues.map((i) => i.message).join('; ')}`)
  return { name, document: parsed.value }
}

const statementsFor = (i: number) => [
  {
    Sid: `S3Read${i}`,
    Effect: 'Allow',
    Action: ['s3:Get*', 's3:List*'],
    Resource: [`arn:aws:s3:::data-${i}`, `arn:aws:s3:::data-${i}/*`],
  },
  {
    Sid: `Ec2Tagged${i}`,
    Effect: 'Allow',
    Action: ['ec2:Describe*', 'ec2:StartInstances', 'ec2:StopInstances'],
    Resource: '*',
    Condition: {
      StringEquals: { 'aws:PrincipalTag/team': `team-${i % 3}` },
      IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] },
    },
  },
  {
    Sid: `NotIam${i}`,
    Effect: 'Allow',
    NotAction: ['iam:*', 'organizations:*', 'account:*'],
    Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t${i}*`,
    Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
  },
  {
    Sid: `DenyNoMfa${i}`,
    Effect: 'Deny',
    Action: ['iam:Delete*', 'iam:Put*', 's3:DeleteBucket'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  },
  {
    Sid: `Lambda${i}`,
    Effect: 'Allow',
    Action: ['lambda:Invoke*', 'sqs:*', 'sns:Publish', 'logs:*', 'kms:Decrypt', 'kms:GenerateDataKey'],
    Resource: [
      `arn:aws:lambda:*:${ACCOUNT}:function:app-${i}-*`,
      `arn:aws:sqs:us-east-1:${ACCOUNT}:q${i}`,
      '*',
    ],
    Condition: { StringLike: { 'aws:ResourceTag/env': ['prod*', 'stag?ng'] } },
  },
]

/** The workload's principal, policies and requests */
export interface Workload {
  readonly identity: Identity
  readonly requests: readonly AuthorizationRequest[]
  readonly policySets: readonly PolicySet[]
  /** The same requests as checks (identity, resource, the author's context), for evaluateCheck */
  readonly checks: readonly CheckInput[]
}

/** Builds the seeded workload */
export const buildWorkload = (count = 10_000, seed = 42): Workload => {
  const random = seeded(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const identityPolicies = Array.from({ length: 10 }, (_, i) =>
    doc(`policy-${i}`, { Version: '2012-10-17', Statement: statementsFor(i) }, 'identity'),
  )
  const boundary = doc(
    'boundary',
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
        { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:PassRole'], Resource: '*' },
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::secret-*',
          Condition: { StringNotEquals: { 'aws:PrincipalTag/clearance': 'high' } },
        },
      ],
    },
    'boundary',
  )
  const bucketPolicy = doc(
    'bucket-policy',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RoleRead',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::shared/*',
        },
        {
          Sid: 'OtherAccount',
          Effect: 'Allow',
          Principal: { AWS: OTHER },
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::shared', 'arn:aws:s3:::shared/*'],
        },
        {
          Sid: 'TlsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::shared/*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    'resource',
  )
  const identity: Identity = {
    caller: {
      type: 'assumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/bench`,
      account: ACCOUNT,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/app`,
    },
    identityPolicies,
    boundary,
    tags: { team: 'team-1', clearance: 'low' },
  }
  const requests: AuthorizationRequest[] = []
  const policySets: PolicySet[] = []
  const checks: CheckInput[] = []
  const seen = new Set<string>()
  while (requests.length < count) {
    const action = pick(ACTIONS)
    const service = action.split(':')[0]!
    const n = Math.floor(random() * 12)
    const crossAccount = random() < 0.1
    const account = crossAccount ? OTHER : ACCOUNT
    const resourceArn =
      service === 's3'
        ? pick([
            `arn:aws:s3:::data-${n}/k/${Math.floor(random() * 1000)}.csv`,
            `arn:aws:s3:::shared/x${Math.floor(random() * 1000)}`,
            `arn:aws:s3:::secret-${n}/y`,
            '*',
          ])
        : service === 'iam' || service === 'sts'
          ? `arn:aws:iam::${account}:role/r${n}`
          : `arn:aws:${service}:us-east-1:${account}:${pick(['table/t', 'function:app-', 'q', 'key/'])}${n}-${Math.floor(random() * 100)}`
    const key = `${action} ${resourceArn} ${requests.length % 7}`
    if (seen.has(key)) continue
    seen.add(key)
    // Values come from the one factory the suite loader uses, which shares equal values
    const overrides = new Map<string, ContextValue>([
      ['aws:sourceip', singleValue(pick(['10.1.2.3', '192.0.2.1', '203.0.113.9', '2001:db8::1']), 'ip')],
      ['aws:currenttime', singleValue(pick(['2026-06-01T00:00:00Z', '2027-06-01T00:00:00Z']), 'date')],
      ['aws:securetransport', singleValue(random() < 0.9 ? 'true' : 'false', 'boolean')],
    ])
    if (random() < 0.5)
      overrides.set('aws:multifactorauthpresent', singleValue(random() < 0.5 ? 'true' : 'false', 'boolean'))
    const resource: ResourceModel = {
      arn: resourceArn,
      account: service === 's3' ? (resourceArn.includes('shared') ? ACCOUNT : account) : account,
      tags: { env: pick(['prod', 'staging', 'dev', 'production']) },
      ...(resourceArn.includes('shared') ? { policy: bucketPolicy, policyKind: 'standard' as const } : {}),
    }
    requests.push({
      caller: identity.caller,
      action,
      resource: resource.arn,
      resourceAccount: resource.account,
      context: new Map(deriveContext(identity, resource, overrides)),
    })
    policySets.push(policySetFor(identity, resource))
    checks.push({ identity, action, resource, context: overrides })
  }
  return { identity, requests, policySets, checks }
}
