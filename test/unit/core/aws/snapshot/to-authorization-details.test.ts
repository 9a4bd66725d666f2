import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { policyDocumentToJson } from '../../../../../core/aws/snapshot/policy-json.ts'
import { documentOf, snapshotDocument } from '../../../../../core/aws/snapshot/snapshot-document.ts'
import { snapshotResolver } from '../../../../../core/aws/snapshot/snapshot-resolver.ts'
import { toAuthorizationDetails } from '../../../../../core/aws/snapshot/to-authorization-details.ts'
import type { AccountSnapshot } from '../../../../../core/aws/snapshot/types.ts'
import { parsePolicyValue } from '../../../../../core/policy/parse-policy.ts'
import { EXAMPLE_PATH, FIXTURES, fixtureText, mapDocuments, parseOk } from './snapshot-fixtures.ts'

type Json = Record<string, Record<string, unknown>[]>

/** The policy documents of a details file, in file order */
const documentsOf = (json: unknown): unknown[] => {
  const out: unknown[] = []
  mapDocuments(json, (doc) => {
    out.push(doc)
    return doc
  })
  return out
}

describe('toAuthorizationDetails', () => {
  it.each([...FIXTURES])('writes back every document of %s as it was read', (name) => {
    const original = JSON.parse(fixtureText(name)) as Json
    const written = toAuthorizationDetails(parseOk(fixtureText(name)))
    // Instance profiles repeat their role's trust policy; compare the documents the loader reads
    const strip = (json: Json) => ({
      ...json,
      RoleDetailList: json.RoleDetailList?.map((r) => ({ ...r, InstanceProfileList: [] })),
    })
    expect(documentsOf(strip(written as unknown as Json))).toEqual(documentsOf(strip(original)))
  })

  it.each([...FIXTURES])('round-trips %s: the written file resolves to the same principals', (name) => {
    const first = parseOk(fixtureText(name), name)
    const again = parseOk(JSON.stringify(toAuthorizationDetails(first), null, 4), name)
    const a = snapshotResolver(first)
    const b = snapshotResolver(again)
    expect(b.principals()).toEqual(a.principals())
    for (const arn of a.principals()) {
      expect(b.getPrincipal(arn)?.policies.map((p) => p.name)).toEqual(
        a.getPrincipal(arn)?.policies.map((p) => p.name),
      )
    }
    expect(again.users.map((u) => u.createDate)).toEqual(first.users.map((u) => u.createDate))
  })

  it('writes decoded documents when the snapshot was read from URL-encoded ones', () => {
    const original = JSON.parse(fixtureText('iamspy-role-boundary.json')) as Json
    const encoded = mapDocuments(original, (doc) => encodeURIComponent(JSON.stringify(doc)))
    const written = toAuthorizationDetails(parseOk(JSON.stringify(encoded)))
    expect(written.RoleDetailList[0]?.AssumeRolePolicyDocument).toEqual(
      original.RoleDetailList?.[0]?.AssumeRolePolicyDocument,
    )
  })

  it('writes dates as the AWS CLI v2 prints them', () => {
    const written = toAuthorizationDetails(parseOk(fixtureText('iamspy-role-boundary.json')))
    expect(written.RoleDetailList[0]?.CreateDate).toBe('2019-12-12T12:55:41+00:00')
    expect(written.Policies[0]?.UpdateDate).toBe('2023-01-09T12:44:05+00:00')
  })

  it('writes the example snapshot back with the fields the loader reads', () => {
    const text = readFileSync(EXAMPLE_PATH, 'utf8')
    const original = JSON.parse(text) as Json
    const written = toAuthorizationDetails(parseOk(text)) as unknown as Json
    const pick = (list: Record<string, unknown>[] | undefined, keys: string[]) =>
      list?.map((item) => Object.fromEntries(keys.map((k) => [k, item[k]])))
    const userKeys = [
      'Path',
      'UserName',
      'UserId',
      'Arn',
      'CreateDate',
      'GroupList',
      'AttachedManagedPolicies',
      'Tags',
    ]
    expect(pick(written.UserDetailList, userKeys)).toEqual(pick(original.UserDetailList, userKeys))
    const roleKeys = [
      'Path',
      'RoleName',
      'RoleId',
      'Arn',
      'AssumeRolePolicyDocument',
      'RolePolicyList',
      'PermissionsBoundary',
      'Tags',
    ]
    expect(pick(written.RoleDetailList, roleKeys)).toEqual(pick(original.RoleDetailList, roleKeys))
    expect(written.Policies).toEqual(original.Policies)
  })

  it('writes a snapshot built in code from parsed policies', () => {
    const parsed = parsePolicyValue(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Mfa',
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::123456789012:root'] },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } },
          },
        ],
      },
      'trust',
    )
    if (!parsed.ok) throw new Error('invalid')
    const snapshot: AccountSnapshot = {
      file: 'built',
      users: [],
      groups: [],
      roles: [
        {
          name: 'r',
          arn: 'arn:aws:iam::123456789012:role/r',
          path: '/',
          trustPolicy: documentOf(parsed.value, policyDocumentToJson(parsed.value)),
          inlinePolicies: [
            {
              name: 'p',
              document: snapshotDocument(
                '{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
                'identity',
              ),
            },
          ],
          attachedPolicies: [],
          tags: {},
          instanceProfiles: [],
        },
      ],
      policies: [],
    }
    const written = toAuthorizationDetails(snapshot)
    expect(written.RoleDetailList[0]).toEqual({
      Path: '/',
      RoleName: 'r',
      Arn: 'arn:aws:iam::123456789012:role/r',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Mfa',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::123456789012:root' },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      },
      InstanceProfileList: [],
      RolePolicyList: [
        { PolicyName: 'p', PolicyDocument: { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } } },
      ],
      AttachedManagedPolicies: [],
      Tags: [],
    })
    const reread = snapshotResolver(parseOk(JSON.stringify(written)))
    expect(reread.getPrincipal('arn:aws:iam::123456789012:role/r')?.policies.map((p) => p.name)).toEqual([
      'inline:p',
    ])
  })
})

describe('policyDocumentToJson', () => {
  it.each([
    ['everyone', { Principal: '*' }, { Principal: '*' }],
    ['everyone as AWS *', { Principal: { AWS: '*' } }, { Principal: { AWS: '*' } }],
    [
      'several services',
      { Principal: { Service: ['a.amazonaws.com', 'b.amazonaws.com'] } },
      { Principal: { Service: ['a.amazonaws.com', 'b.amazonaws.com'] } },
    ],
  ])('writes a principal of %s back', (_name, principal, expected) => {
    const doc = parsePolicyValue(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', ...principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
      },
      'resource',
    )
    if (!doc.ok) throw new Error('invalid')
    expect((policyDocumentToJson(doc.value).Statement as unknown[])[0]).toMatchObject(expected)
  })

  it('groups condition tests by operator when writing them', () => {
    const condition = {
      StringEquals: { 'aws:PrincipalTag/team': 'a', 's3:prefix': ['x', 'y'] },
      NumericLessThan: { 'aws:MultiFactorAuthAge': '60' },
    }
    const doc = parsePolicyValue(
      { Statement: [{ Effect: 'Deny', NotAction: 's3:*', NotResource: '*', Condition: condition }] },
      'identity',
    )
    if (!doc.ok) throw new Error('invalid')
    expect(policyDocumentToJson(doc.value)).toEqual({
      Statement: [{ Effect: 'Deny', NotAction: 's3:*', NotResource: '*', Condition: condition }],
    })
  })
})
