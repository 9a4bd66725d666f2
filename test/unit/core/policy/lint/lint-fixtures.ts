/**
 * Shared helpers for the lint tests: a small in-memory catalog and a parser that fails loudly.
 * @module
 */
import { createIamDataCatalog } from '../../../../../core/catalog/iam-data-catalog.ts'
import type { IamCatalog } from '../../../../../core/catalog/types.ts'
import { parsePolicyText } from '../../../../../core/policy/parse-policy.ts'
import type { PolicyDocument, PolicyKind } from '../../../../../core/policy/types.ts'

const FILES: Record<string, unknown> = {
  'services.json': ['s3', 'iam', 'ec2', 'sts'],
  'unassociatedConditions.json': {},
  'actions/s3.json': {
    getobject: { name: 'GetObject' },
    putobject: { name: 'PutObject' },
    listbucket: { name: 'ListBucket' },
  },
  'actions/iam.json': { passrole: { name: 'PassRole' }, getrole: { name: 'GetRole' } },
  'actions/ec2.json': { runinstances: { name: 'RunInstances' } },
  'actions/sts.json': { assumerole: { name: 'AssumeRole' } },
  'conditionKeys/s3.json': { 's3:prefix': { key: 's3:prefix', type: 'String' } },
  'conditionKeys/iam.json': { 'iam:passedtoservice': { key: 'iam:PassedToService', type: 'String' } },
  'conditionKeys/sts.json': { 'sts:externalid': { key: 'sts:ExternalId', type: 'String' } },
}

/** A catalog with a handful of S3, IAM, EC2 and STS names */
export const fakeCatalog: IamCatalog = createIamDataCatalog(
  (path) => FILES[path],
  [
    { key: 'aws:SourceIp', type: 'IPAddress' },
    { key: 'aws:PrincipalOrgID', type: 'String' },
    { key: 'aws:PrincipalTag/tag-key', type: 'String' },
    { key: 'aws:MultiFactorAuthPresent', type: 'Bool' },
  ],
)

/** Parses policy text that must be valid */
export const parse = (text: string, kind: PolicyKind = 'identity'): PolicyDocument => {
  const result = parsePolicyText(text, kind)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}

/** A one-statement identity policy as text */
export const statementText = (statement: Record<string, unknown>): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
