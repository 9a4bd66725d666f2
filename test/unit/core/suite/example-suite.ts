/**
 * The example suite of suite-format.md, with its `{ ... }` placeholders filled in and the files it
 * references given inline, plus an account snapshot for the principals it leaves to the account.
 * @module
 */

import { parsePolicyText } from '../../../../core/policy/index.ts'
import type { NamedPolicy } from '../../../../core/policy/types.ts'
import type { AccountResolver, ResolvedPrincipal } from '../../../../core/suite/index.ts'

/** The example suite's text (suite-format.md, "Example") */
export const EXAMPLE_SUITE = `suite: data-bucket-access            # id: lowercase letters, digits, '-'; unique per team
description: Readers read the data bucket; nobody deletes without MFA
tags: [s3, data-team]

context:                             # request context applied to every case (cases may override)
  aws:SourceIp: 203.0.113.10
  aws:CurrentTime: 2026-03-01T12:00:00Z
  aws:RequestedRegion: us-east-1

principals:
  reader:
    arn: arn:aws:iam::111122223333:role/DataReader
    tags: { team: data }             # become aws:PrincipalTag/<key>
    policies:                        # identity-based policies (inline or managed, same thing here)
      - name: read-data
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: ["s3:GetObject", "s3:ListBucket"]
              Resource: ["arn:aws:s3:::data-bucket", "arn:aws:s3:::data-bucket/*"]
      - file: policies/deny-delete-without-mfa.json   # path relative to the suite file (CLI only)
    permissionsBoundary:
      file: policies/boundary.json
  dev-user:
    arn: arn:aws:iam::111122223333:user/dev
    groups: [developers]             # group policies are added to the user's identity policies
  prod-admin:
    arn: arn:aws:iam::444455556666:role/ProdAdmin   # no policies: resolved from the account (live or snapshot)
    trustPolicy: { file: policies/prod-admin-trust.json }   # a role's trust policy (its resource policy for sts:AssumeRole)

groups:
  developers:
    policies:
      - name: dev-base
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: Work
              Effect: Allow
              Action: ["s3:*", "sts:AssumeRole"]
              Resource: "*"
            - Sid: NoDeleteWithoutMfa
              Effect: Deny
              Action: s3:DeleteObject
              Resource: "*"
              Condition:
                BoolIfExists: { aws:MultiFactorAuthPresent: false }

resources:
  data-bucket:
    arn: arn:aws:s3:::data-bucket
    account: "111122223333"          # owner; needed where the ARN has no account (S3)
    tags: { classification: internal }   # become aws:ResourceTag/<key>
    policy: { file: policies/data-bucket-policy.json }   # resource-based policy

organization:                        # optional: SCPs and RCPs, from the root down to the account
  scps:
    - level: root
      policies: [ { name: FullAWSAccess, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] } } ]
    - level: ou-workloads
      policies:
        - { name: FullAWSAccess, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] } }
        - { file: scps/deny-regions.json }
  rcps: []

cases:
  - name: reader can read reports
    principal: reader
    action: s3:GetObject
    resource: arn:aws:s3:::data-bucket/reports/q1.csv
    expect: allowed

  - name: reader can never write or delete        # a matrix: every action x every resource
    principal: reader
    actions: [s3:PutObject, s3:DeleteObject]
    resources: [arn:aws:s3:::data-bucket/*, arn:aws:s3:::other-bucket/x]
    expect: denied

  - name: delete without MFA is explicitly denied
    principal: dev-user
    action: s3:DeleteObject
    resource: arn:aws:s3:::data-bucket/tmp/x
    context: { aws:MultiFactorAuthPresent: false }
    expect: explicitDeny

  - name: dev can reach prod admin through the MFA-protected role chain
    principal: dev-user
    via:                                           # role chain: each hop is an sts:AssumeRole
      - role: prod-admin                           # a principal name (or a role ARN)
        context: { aws:MultiFactorAuthPresent: true }
    action: iam:ListRoles
    resource: "*"
    expect: allowed
`

const json = (value: unknown): string => JSON.stringify(value, null, 2)

/** The files the example references, by their path relative to the suite file */
export const EXAMPLE_FILES: Readonly<Record<string, string>> = {
  'policies/deny-delete-without-mfa.json': json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyDeleteWithoutMfa',
        Effect: 'Deny',
        Action: 's3:DeleteObject',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  }),
  'policies/boundary.json': json({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  }),
  'policies/prod-admin-trust.json': json({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ],
  }),
  'policies/data-bucket-policy.json': json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReaderReads',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/DataReader' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::data-bucket/*',
      },
    ],
  }),
  'scps/deny-regions.json': json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOtherRegions',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } },
      },
    ],
  }),
}

/** Reads the example's files */
export const readExampleFile = (path: string): string | undefined => EXAMPLE_FILES[path]

const policy = (name: string, document: unknown): NamedPolicy => {
  const parsed = parsePolicyText(JSON.stringify(document), 'identity')
  if (!parsed.ok) throw new Error(`bad test policy ${name}`)
  return { name, document: parsed.value }
}

/** An account snapshot for the example: the user `dev` has no policies of its own, ProdAdmin is an admin */
export const EXAMPLE_ACCOUNT: AccountResolver = {
  getPrincipal: (arn): ResolvedPrincipal | undefined => {
    if (arn === 'arn:aws:iam::111122223333:user/dev') return { policies: [], tags: { team: 'dev' } }
    if (arn === 'arn:aws:iam::444455556666:role/ProdAdmin') {
      const admin = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
      return { policies: [policy('AdministratorAccess', admin)], tags: {} }
    }
    return undefined
  },
  getManagedPolicy: () => undefined,
}
