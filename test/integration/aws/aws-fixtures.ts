/**
 * Shared fixtures for the AWS engine's integration tests: a local IAM endpoint driven through the real
 * @aws-sdk/client-iam (static credentials, endpoint override), an engine whose backoff sleeps are
 * recorded instead of waited, a small account, and suite loading.
 * @module
 */
import type { IAMClient } from '@aws-sdk/client-iam'
import {
  type AwsEngine,
  type AwsEngineOptions,
  createAwsEngine,
  createIamClient,
} from '../../../core/aws/index.ts'
import {
  parseAccountSnapshot,
  type SnapshotResolver,
  snapshotResolver,
} from '../../../core/aws/snapshot/index.ts'
import type { Check, Engine, EngineResult } from '../../../core/suite/index.ts'
import { loadSuite } from '../../../core/suite/load-suite.ts'
import type { LoadedSuite } from '../../../core/suite/types.ts'
import {
  type AccountDetails,
  type IamEndpoint,
  type IamEndpointOptions,
  startIamEndpoint,
} from '../../support/iam-endpoint/index.ts'

/** Static test credentials */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' }

/** An endpoint with a real SDK client pointed at it */
export interface Harness {
  readonly endpoint: IamEndpoint
  readonly client: IAMClient
  /** Backoff delays the engine asked for */
  readonly sleeps: number[]
  engine(options?: Partial<AwsEngineOptions>): AwsEngine
  close(): Promise<void>
}

/** Starts an endpoint and a client for it */
export const startHarness = async (options: IamEndpointOptions = {}): Promise<Harness> => {
  const endpoint = await startIamEndpoint({ account: TEST_ACCOUNT, ...options })
  const client = createIamClient({ endpoint: endpoint.url, credentials: TEST_CREDENTIALS })
  const sleeps: number[] = []
  return {
    endpoint,
    client,
    sleeps,
    engine: (extra = {}) =>
      createAwsEngine({
        client,
        ...extra,
        retry: {
          random: () => 0.5,
          sleep: async (ms) => {
            sleeps.push(ms)
          },
          ...extra.retry,
        },
      }),
    close: async () => {
      client.destroy()
      await endpoint.close()
    },
  }
}

/** Loads YAML suite text; throws with the issues when it does not load */
export const loadYaml = (text: string, files: Record<string, string> = {}): LoadedSuite => {
  const result = loadSuite(text, { fileName: 'suite.yaml', readFile: (path) => files[path] })
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement })

/** A small account: a user in a group with a boundary and tags, a role with a trust policy, managed policies */
export const TEST_ACCOUNT: AccountDetails = {
  UserDetailList: [
    {
      Path: '/',
      UserName: 'alice',
      UserId: 'AIDAALICE',
      Arn: 'arn:aws:iam::111122223333:user/alice',
      CreateDate: '2024-01-02T03:04:05Z',
      UserPolicyList: [
        {
          PolicyName: 'alice-logs',
          PolicyDocument: doc({ Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: '*' }),
        },
      ],
      GroupList: ['readers'],
      AttachedManagedPolicies: [
        { PolicyName: 'DenyIamWrites', PolicyArn: 'arn:aws:iam::111122223333:policy/DenyIamWrites' },
      ],
      PermissionsBoundary: {
        PermissionsBoundaryType: 'Policy',
        PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Boundary',
      },
      Tags: [{ Key: 'Team', Value: 'data' }],
    },
  ],
  GroupDetailList: [
    {
      Path: '/',
      GroupName: 'readers',
      GroupId: 'AGPAREADERS',
      Arn: 'arn:aws:iam::111122223333:group/readers',
      CreateDate: '2024-01-02T03:04:05Z',
      GroupPolicyList: [
        {
          PolicyName: 'read-s3',
          PolicyDocument: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        },
      ],
      AttachedManagedPolicies: [],
    },
  ],
  RoleDetailList: [
    {
      Path: '/app/',
      RoleName: 'AppRole',
      RoleId: 'AROAAPP',
      Arn: 'arn:aws:iam::111122223333:role/app/AppRole',
      CreateDate: '2024-01-02T03:04:05Z',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
      InstanceProfileList: [],
      RolePolicyList: [
        {
          PolicyName: 'app-sqs',
          PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
        },
      ],
      AttachedManagedPolicies: [
        { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ],
      Tags: [{ Key: 'env', Value: 'prod' }],
    },
  ],
  Policies: [
    {
      PolicyName: 'DenyIamWrites',
      PolicyId: 'ANPADENY',
      Arn: 'arn:aws:iam::111122223333:policy/DenyIamWrites',
      Path: '/',
      DefaultVersionId: 'v2',
      AttachmentCount: 1,
      IsAttachable: true,
      CreateDate: '2024-01-02T03:04:05Z',
      UpdateDate: '2024-01-03T03:04:05Z',
      PolicyVersionList: [
        {
          Document: doc({
            Sid: 'NoIamWrites',
            Effect: 'Deny',
            Action: ['iam:Create*', 'iam:Delete*'],
            Resource: '*',
          }),
          VersionId: 'v2',
          IsDefaultVersion: true,
          CreateDate: '2024-01-03T03:04:05Z',
        },
        {
          Document: doc({ Effect: 'Deny', Action: '*', Resource: '*' }),
          VersionId: 'v1',
          IsDefaultVersion: false,
          CreateDate: '2024-01-02T03:04:05Z',
        },
      ],
    },
    {
      PolicyName: 'Boundary',
      PolicyId: 'ANPABOUNDARY',
      Arn: 'arn:aws:iam::111122223333:policy/Boundary',
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 1,
      IsAttachable: true,
      CreateDate: '2024-01-02T03:04:05Z',
      UpdateDate: '2024-01-02T03:04:05Z',
      PolicyVersionList: [
        {
          Document: doc({ Effect: 'Allow', Action: ['s3:*', 'logs:*', 'iam:*'], Resource: '*' }),
          VersionId: 'v1',
          IsDefaultVersion: true,
          CreateDate: '2024-01-02T03:04:05Z',
        },
      ],
    },
  ],
}

/** AWS managed policies the account answer leaves out: served by GetPolicy/GetPolicyVersion only */
export const EXTRA_POLICIES = [
  {
    PolicyName: 'ReadOnlyAccess',
    PolicyId: 'ANPAREADONLY',
    Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    Path: '/',
    DefaultVersionId: 'v9',
    AttachmentCount: 1,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:39:48Z',
    UpdateDate: '2024-01-02T03:04:05Z',
    PolicyVersionList: [
      {
        Document: doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'sqs:Get*'], Resource: '*' }),
        VersionId: 'v9',
        IsDefaultVersion: true,
        CreateDate: '2024-01-02T03:04:05Z',
      },
    ],
  },
]

/** What each engine result says, in one word: its decision, `skipped: …` or `error: …` */
export const summaryOf = (results: readonly EngineResult[]): string[] =>
  results.map((r) =>
    'decision' in r ? r.decision : 'skipped' in r ? `skipped: ${r.skipped}` : `error: ${r.error}`,
  )

/** Runs an engine on checks and summarises its answers */
export const decide = async (engine: Engine, checks: readonly Check[]): Promise<string[]> =>
  summaryOf(await engine.evaluate(checks))

/** TEST_ACCOUNT (with EXTRA_POLICIES) as a snapshot resolver, for the local side of a run */
export const testAccountResolver = (): SnapshotResolver => {
  const details = { ...TEST_ACCOUNT, Policies: [...(TEST_ACCOUNT.Policies ?? []), ...EXTRA_POLICIES] }
  const parsed = parseAccountSnapshot(JSON.stringify(details), 'test account')
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '))
  return snapshotResolver(parsed.value)
}
