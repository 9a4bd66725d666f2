import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAccountSnapshot } from '../../../../../core/aws/snapshot/parse-snapshot.ts'
import { snapshotResolver } from '../../../../../core/aws/snapshot/snapshot-resolver.ts'
import { EXAMPLE_PATH, FIXTURES, fixtureText, mapDocuments, parseOk } from './snapshot-fixtures.ts'

describe('parseAccountSnapshot', () => {
  it.each([
    ['cloudsplaining-example.json', 44, 5, 78, 84],
    ['cloudsplaining-authz-details.json', 3, 2, 3, 32],
    ['iamspy-role-boundary.json', 0, 0, 1, 1],
  ])('reads every entry of %s without issues', (name, users, groups, roles, policies) => {
    const result = parseAccountSnapshot(fixtureText(name), name)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toBeUndefined()
    const s = result.value
    expect([s.users.length, s.groups.length, s.roles.length, s.policies.length]).toEqual([
      users,
      groups,
      roles,
      policies,
    ])
    expect(s.file).toBe(name)
  })

  it('parses trust policies as trust documents and keeps spans into the file', () => {
    const s = parseOk(fixtureText('iamspy-role-boundary.json'))
    const trust = s.roles[0]?.trustPolicy
    expect(trust?.path).toBe('RoleDetailList[0].AssumeRolePolicyDocument')
    expect(trust?.parsed.ok && trust.parsed.value.statements[0]?.principal?.aws).toEqual([
      'arn:aws:iam::123456789012:root',
    ])
    expect(trust?.parsed.ok && trust.parsed.value.span.line).toBe(13)
  })

  it('reads both date formats as ISO 8601 UTC', () => {
    const s = parseOk(fixtureText('iamspy-role-boundary.json'))
    expect(s.roles[0]?.createDate).toBe('2019-12-12T12:55:41Z')
    expect(s.policies[0]?.createDate).toBe('2023-01-09T12:44:05Z')
    expect(s.policies[0]?.versions[0]?.createDate).toBe('2023-01-09T12:44:05Z')
  })

  it.each([
    ['JSON strings', (doc: unknown) => JSON.stringify(doc)],
    [
      'URL-encoded strings (as the IAM API returns them)',
      (doc: unknown) => encodeURIComponent(JSON.stringify(doc)),
    ],
  ])('reads documents given as %s the same as objects', (_name, encode) => {
    const original = JSON.parse(fixtureText('cloudsplaining-authz-details.json')) as unknown
    const encoded = JSON.stringify(mapDocuments(original, encode))
    const plain = parseOk(JSON.stringify(original))
    const variant = parseOk(encoded)
    expect(variant.roles.map((r) => r.trustPolicy.json)).toEqual(plain.roles.map((r) => r.trustPolicy.json))
    expect(variant.policies.map((p) => p.versions.map((v) => v.document.json))).toEqual(
      plain.policies.map((p) => p.versions.map((v) => v.document.json)),
    )
    const resolver = snapshotResolver(variant)
    expect(resolver.principals().every((arn) => resolver.getPrincipal(arn) !== undefined)).toBe(true)
  })

  it('accepts entries without their optional lists', () => {
    const s = parseOk(
      JSON.stringify({
        UserDetailList: [{ UserName: 'u', Arn: 'arn:aws:iam::123456789012:user/u' }],
        RoleDetailList: [
          {
            RoleName: 'r',
            Arn: 'arn:aws:iam::123456789012:role/r',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: {
                Effect: 'Allow',
                Principal: { Service: 'ec2.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            },
          },
        ],
      }),
    )
    expect(s.users[0]).toMatchObject({
      path: '/',
      groups: [],
      inlinePolicies: [],
      attachedPolicies: [],
      tags: {},
    })
    expect(s.roles[0]).toMatchObject({ path: '/', inlinePolicies: [], instanceProfiles: [] })
    expect(s.groups).toEqual([])
  })

  it('reads the example snapshot with its users, group, roles and policies', () => {
    const s = parseOk(readFileSync(EXAMPLE_PATH, 'utf8'), 'acme-dev.json')
    expect(s.users.map((u) => u.name)).toEqual(['alice', 'bob'])
    expect(s.groups.map((g) => g.name)).toEqual(['developers'])
    expect(s.roles.map((r) => r.name)).toEqual(['Developer', 'Admin', 'app-worker'])
    expect(s.policies.filter((p) => !p.arn.includes(':aws:policy/'))).toHaveLength(3)
    expect(s.users[0]?.tags).toEqual({ team: 'platform', 'cost-center': 'cc-1042' })
  })

  describe('on broken input', () => {
    const fail = (value: unknown) => {
      const result = parseAccountSnapshot(
        typeof value === 'string' ? value : JSON.stringify(value, null, 2),
        'bad.json',
      )
      if (result.ok) throw new Error('expected a failure')
      return result.issues
    }

    it('reports a syntax error with its line and column', () => {
      const [issue] = fail('{\n  "UserDetailList": [\n    {"UserName": "u",}\n  ]\n}')
      expect(issue).toMatchObject({ code: 'syntax', file: 'bad.json', span: { line: 3 } })
    })

    it.each([
      ['a top level that is not an object', [], '', 'an account snapshot must be an object'],
      ['JSON that is not a snapshot', { Users: [] }, '', 'not an account snapshot'],
      ['a list that is not an array', { UserDetailList: {} }, 'UserDetailList', 'must be an array'],
      [
        'an entry that is not an object',
        { RoleDetailList: ['r'] },
        'RoleDetailList[0]',
        'a role must be an object',
      ],
      [
        'a role without a name',
        { RoleDetailList: [{ Arn: 'arn:aws:iam::1:role/x' }] },
        'RoleDetailList[0].RoleName',
        'is missing',
      ],
      [
        'a user without an ARN',
        { UserDetailList: [{}, { UserName: 'u' }] },
        'UserDetailList[1].Arn',
        'is missing',
      ],
      [
        'an attached policy without an ARN',
        {
          GroupDetailList: [
            { GroupName: 'g', Arn: 'arn:aws:iam::1:group/g', AttachedManagedPolicies: [{ PolicyName: 'p' }] },
          ],
        },
        'GroupDetailList[0].AttachedManagedPolicies[0].PolicyArn',
        'is missing',
      ],
      [
        'a tag key of the wrong type',
        { UserDetailList: [{ UserName: 'u', Arn: 'a', Tags: [{ Key: 1 }] }] },
        'UserDetailList[0].Tags[0].Key',
        'must be a string',
      ],
    ])('fails on %s with the path', (_name, value, path, fragment) => {
      const issues = fail(value)
      const issue = issues.find((i) => i.path === path)
      expect(issue?.message).toContain(fragment)
      expect(issue?.severity).toBe('error')
      expect(issue?.file).toBe('bad.json')
    })

    it('points at the line of the problem in a pretty-printed file', () => {
      const issues = fail({ RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', Path: 7 }] })
      expect(issues[0]).toMatchObject({ path: 'RoleDetailList[0].Path', span: { line: 6, column: 15 } })
    })
  })

  describe('with warnings', () => {
    const warnings = (value: unknown) => {
      const result = parseAccountSnapshot(JSON.stringify(value, null, 2), 'w.json')
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
      return { snapshot: result.value, warnings: result.warnings ?? [] }
    }

    it('keeps the snapshot usable and warns when a policy document is invalid', () => {
      const { snapshot, warnings: found } = warnings({
        RoleDetailList: [
          {
            RoleName: 'r',
            Arn: 'arn:aws:iam::123456789012:role/r',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
            },
          },
        ],
      })
      expect(snapshot.roles).toHaveLength(1)
      expect(found[0]).toMatchObject({
        severity: 'warning',
        path: 'RoleDetailList[0].AssumeRolePolicyDocument.Statement[0]',
        file: 'w.json',
      })
    })

    it.each([
      ['an unknown top-level member', { UserDetailList: [], Users: [] }, 'Users'],
      ['a truncated snapshot', { UserDetailList: [], IsTruncated: true, Marker: 'abc' }, 'IsTruncated'],
      [
        'a date in another format',
        { UserDetailList: [{ UserName: 'u', Arn: 'a', CreateDate: '16/08/2019' }] },
        'UserDetailList[0].CreateDate',
      ],
      [
        'the same ARN twice',
        {
          UserDetailList: [
            { UserName: 'u', Arn: 'a' },
            { UserName: 'u', Arn: 'a' },
          ],
        },
        'UserDetailList[1]',
      ],
    ])('warns about %s', (_name, value, path) => {
      expect(warnings(value).warnings.map((w) => w.path)).toEqual([path])
    })

    it('does not warn about the paging members the CLI may print', () => {
      expect(warnings({ Policies: [], IsTruncated: false, Marker: 'x' }).warnings).toEqual([])
    })
  })

  it.each(FIXTURES)('parses %s in well under a second', (name) => {
    const text = fixtureText(name)
    const start = performance.now()
    parseAccountSnapshot(text, name)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
