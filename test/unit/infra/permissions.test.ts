import { describe, expect, it } from 'vitest'
import { loadIamCatalog } from '../../../core/catalog/load-catalog.ts'
import {
  activeKey,
  runKey,
  runPk,
  suiteHeadKey,
  suitePk,
  suitesPk,
  teamKey,
  tokenKey,
  tokensGsiPk,
} from '../../../core/store/keys.ts'
import {
  ACTIVE_MARKER_PARTITIONS,
  apiPermissions,
  FUNCTION_PERMISSIONS,
  type Permission,
  serviceArnsOf,
  toPolicyDocument,
  workerPermissions,
} from '../../../infra/permissions.ts'

const ARNS = serviceArnsOf({
  partition: 'aws',
  region: 'eu-west-1',
  account: '444455556666',
  tableName: 'iamspec-dev-Table',
  runQueueName: 'iamspec-dev-RunQueue',
})

const everyPermission = (): Permission<string>[] =>
  Object.values(FUNCTION_PERMISSIONS).flatMap((build) => build(ARNS))

/** IAM's StringLike: `*` any run of characters, `?` one character */
const like = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value)

describe('infra/permissions', () => {
  it('names only actions that exist in the IAM catalog', async () => {
    const catalog = await loadIamCatalog()
    const actions = [...new Set(everyPermission().flatMap((p) => p.actions))]
    expect(actions.filter((a) => catalog.actionExists(a) !== true)).toEqual([])
  })

  it('grants no wildcard actions and `*` resources only to IAM calls without a resource type', () => {
    for (const p of everyPermission()) {
      expect(p.actions.filter((a) => a.includes('*'))).toEqual([])
      if (p.resources.includes('*')) {
        expect(p.actions).toEqual(['iam:GetAccountAuthorizationDetails', 'iam:SimulateCustomPolicy'])
      }
    }
  })

  it('gives the worker only read-only and simulator IAM calls', () => {
    const iam = workerPermissions(ARNS)
      .flatMap((p) => p.actions)
      .filter((a) => a.startsWith('iam:'))
    expect(iam.filter((a) => !/^iam:(Get|List|Simulate)/.test(a))).toEqual([])
  })

  it('places the table actions on the table and queries on its gsi1 index', () => {
    expect(ARNS.table).toBe('arn:aws:dynamodb:eu-west-1:444455556666:table/iamspec-dev-Table')
    expect(ARNS.tableIndex).toBe('arn:aws:dynamodb:eu-west-1:444455556666:table/iamspec-dev-Table/index/gsi1')
    expect(apiPermissions(ARNS)[1]).toEqual({ actions: ['dynamodb:Query'], resources: [ARNS.tableIndex] })
  })

  it('limits marker deletes to the partition keys of active-run markers and no other item', () => {
    const [pattern] = ACTIVE_MARKER_PARTITIONS as [string]
    expect(like(pattern, activeKey('01J2TEAM', '01J2RUN').pk)).toBe(true)
    const others = [
      teamKey('01J2TEAM').pk,
      tokenKey('a'.repeat(64)).pk,
      tokensGsiPk('01J2TEAM'),
      suitesPk('01J2TEAM'),
      suiteHeadKey('01J2TEAM', 'data-bucket').pk,
      suitePk('01J2TEAM', 'active'),
      runPk('01J2TEAM', '01J2RUN'),
      runKey('01J2TEAM', '01J2RUNACTIVE').pk,
    ]
    expect(others.filter((pk) => like(pattern, pk))).toEqual([])
  })

  it('writes conditions into the policy document under their operator', () => {
    const statement = toPolicyDocument(workerPermissions(ARNS)).Statement[1]
    expect(statement).toEqual({
      Effect: 'Allow',
      Action: ['dynamodb:DeleteItem'],
      Resource: [ARNS.table],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#*#ACTIVE'] } },
    })
  })
})
