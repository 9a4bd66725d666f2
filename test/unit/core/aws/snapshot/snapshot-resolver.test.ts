import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { snapshotResolver } from '../../../../../core/aws/snapshot/snapshot-resolver.ts'
import { EXAMPLE_PATH, fixtureText, parseOk } from './snapshot-fixtures.ts'

/** A fixture with every AWS managed policy (`arn:aws:iam::aws:policy/…`) removed from `Policies` */
const withoutAwsManaged = (name: string): string => {
  const json = JSON.parse(fixtureText(name)) as { Policies: { Arn: string }[] }
  return JSON.stringify({
    ...json,
    Policies: json.Policies.filter((p) => !p.Arn.startsWith('arn:aws:iam::aws:policy/')),
  })
}

const resolverOf = (text: string, file = 'test.json') => snapshotResolver(parseOk(text, file))

describe('snapshotResolver', () => {
  // Measured on the unmodified fixtures: every principal resolves.
  it.each([
    ['cloudsplaining-example.json', 44, 78, 145],
    ['cloudsplaining-authz-details.json', 3, 3, 11],
    ['iamspy-role-boundary.json', 0, 1, 1],
  ])('resolves every user and role of %s', (name, users, roles, policyCount) => {
    const resolver = resolverOf(fixtureText(name), name)
    const arns = resolver.principals()
    expect(arns.filter((a) => a.includes(':user/'))).toHaveLength(users)
    expect(arns.filter((a) => a.includes(':role/'))).toHaveLength(roles)
    const resolved = arns.map((arn) => resolver.explainPrincipal(arn))
    expect(resolved.filter((r) => !r.ok)).toEqual([])
    const total = resolved.reduce((sum, r) => sum + (r.ok ? r.value.policies.length : 0), 0)
    expect(total).toBe(policyCount)
    for (const arn of arns.filter((a) => a.includes(':role/'))) {
      expect(resolver.getPrincipal(arn)?.trustPolicy).toBeDefined()
    }
  })

  // Measured with the AWS managed policies removed, as with `--filter LocalManagedPolicy`.
  it.each([
    ['cloudsplaining-example.json', 3, 14, 14],
    ['cloudsplaining-authz-details.json', 3, 0, 3],
    ['iamspy-role-boundary.json', 0, 1, 1],
  ])(
    'explains which AWS managed policy is missing when %s lacks them',
    (name, failedUsers, failedRoles, distinctMissing) => {
      const resolver = resolverOf(withoutAwsManaged(name), name)
      const failed = resolver.principals().filter((arn) => resolver.getPrincipal(arn) === undefined)
      expect(failed.filter((a) => a.includes(':user/'))).toHaveLength(failedUsers)
      expect(failed.filter((a) => a.includes(':role/'))).toHaveLength(failedRoles)
      const missing = new Set<string>()
      for (const arn of failed) {
        const refs = resolver.missingReferences(arn).managedPolicies
        expect(refs.length).toBeGreaterThan(0)
        const explained = resolver.explainPrincipal(arn)
        expect(explained.ok).toBe(false)
        if (!explained.ok) for (const ref of refs) expect(explained.message).toContain(`\`${ref}\``)
        for (const ref of refs) missing.add(ref)
      }
      expect(missing.size).toBe(distinctMissing)
    },
  )

  it('names the missing boundary policy when the boundary is absent', () => {
    const resolver = resolverOf(withoutAwsManaged('iamspy-role-boundary.json'), 'iamspy.json')
    const explained = resolver.explainPrincipal('arn:aws:iam::123456789012:role/name')
    expect(explained).toEqual({
      ok: false,
      message:
        'role `arn:aws:iam::123456789012:role/name` needs managed policy `arn:aws:iam::aws:policy/InvokingAllowed`, not in snapshot `iamspy.json` (AWS managed policies are missing when the snapshot was taken with `--filter`)',
    })
  })

  it('gathers a user’s own, group and managed policies under recognisable names', () => {
    const resolver = resolverOf(fixtureText('cloudsplaining-authz-details.json'))
    const biden = resolver.getPrincipal('arn:aws:iam::012345678901:user/biden')
    expect(biden?.policies.map((p) => [p.name, p.arn])).toEqual([
      ['inline:InsecureUserPolicy', undefined],
      ['group:biden/InlinePolicyForBidenGroup', undefined],
      ['AWSLambdaFullAccess', 'arn:aws:iam::aws:policy/AWSLambdaFullAccess'],
      ['AmazonRDSFullAccess', 'arn:aws:iam::aws:policy/AmazonRDSFullAccess'],
    ])
  })

  it('lists a managed policy once when both the user and its group attach it', () => {
    const resolver = resolverOf(fixtureText('cloudsplaining-authz-details.json'))
    const obama = resolver.getPrincipal('arn:aws:iam::012345678901:user/obama')
    expect(obama?.policies.map((p) => p.name)).toEqual(['AdministratorAccess'])
  })

  it('uses the default version of a managed policy with several versions', () => {
    const resolver = resolverOf(fixtureText('cloudsplaining-authz-details.json'), 'authz.json')
    const policy = resolver.getManagedPolicy('arn:aws:iam::aws:policy/AWSCodeCommitPowerUser')
    expect(policy).toMatchObject({ name: 'AWSCodeCommitPowerUser', file: 'authz.json' })
    const example = resolverOf(readFileSync(EXAMPLE_PATH, 'utf8'))
    const tools = example.getManagedPolicy('arn:aws:iam::111122223333:policy/AcmeDeveloperTools')
    expect(tools?.document.statements.map((s) => s.sid)).toEqual(['AppData', 'AppTables', 'Logs'])
  })

  it('resolves a role’s boundary, tags, path and trust policy', () => {
    const resolver = resolverOf(readFileSync(EXAMPLE_PATH, 'utf8'), 'acme-dev.json')
    const developer = resolver.getPrincipal('arn:aws:iam::111122223333:role/app/Developer')
    expect(developer).toMatchObject({
      path: '/app/',
      tags: { team: 'platform' },
      permissionsBoundary: {
        name: 'AcmeDeveloperBoundary',
        arn: 'arn:aws:iam::111122223333:policy/AcmeDeveloperBoundary',
      },
      trustPolicy: { name: 'trust:Developer' },
    })
    const admin = resolver.getPrincipal('arn:aws:iam::111122223333:role/Admin')
    expect(admin?.trustPolicy?.document.statements[0]?.conditions.map((c) => c.key)).toEqual([
      'aws:MultiFactorAuthPresent',
      'aws:MultiFactorAuthAge',
    ])
  })

  it.each([
    ['the ARN with its path', 'arn:aws:iam::111122223333:role/app/Developer'],
    ['the ARN without its path (as in a session)', 'arn:aws:iam::111122223333:role/Developer'],
    ['a role session ARN', 'arn:aws:sts::111122223333:assumed-role/Developer/alice'],
  ])('finds a role by %s', (_name, arn) => {
    const resolver = resolverOf(readFileSync(EXAMPLE_PATH, 'utf8'))
    expect(resolver.getPrincipal(arn)?.path).toBe('/app/')
  })

  it('resolves every principal of the example snapshot', () => {
    const resolver = resolverOf(readFileSync(EXAMPLE_PATH, 'utf8'))
    expect(resolver.principals()).toHaveLength(5)
    expect(resolver.principals().filter((arn) => resolver.getPrincipal(arn) === undefined)).toEqual([])
    expect(resolver.getPrincipal('arn:aws:iam::111122223333:user/bob')?.policies.map((p) => p.name)).toEqual([
      'group:developers/AssumeTeamRoles',
      'AcmeReadOnlyReports',
      'AcmeDeveloperTools',
    ])
  })

  it('explains an unknown principal', () => {
    const resolver = resolverOf(readFileSync(EXAMPLE_PATH, 'utf8'), 'acme-dev.json')
    expect(resolver.explainPrincipal('arn:aws:iam::111122223333:user/carol')).toEqual({
      ok: false,
      message: 'no user or role `arn:aws:iam::111122223333:user/carol` in snapshot `acme-dev.json`',
    })
    expect(resolver.missingReferences('arn:aws:iam::111122223333:user/carol')).toEqual({
      managedPolicies: [],
      groups: [],
    })
  })

  it('explains a user whose group is not in the snapshot', () => {
    const resolver = resolverOf(
      JSON.stringify({
        UserDetailList: [{ UserName: 'u', Arn: 'arn:aws:iam::123456789012:user/u', GroupList: ['ops'] }],
      }),
      's.json',
    )
    expect(resolver.missingReferences('arn:aws:iam::123456789012:user/u').groups).toEqual(['ops'])
    expect(resolver.explainPrincipal('arn:aws:iam::123456789012:user/u')).toEqual({
      ok: false,
      message: 'user `arn:aws:iam::123456789012:user/u` is in group `ops`, not in snapshot `s.json`',
    })
  })

  it.each([
    [
      'an invalid inline policy',
      {
        UserDetailList: [
          {
            UserName: 'u',
            Arn: 'arn:aws:iam::123456789012:user/u',
            UserPolicyList: [
              {
                PolicyName: 'Broken',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }],
                },
              },
            ],
          },
        ],
      },
      'arn:aws:iam::123456789012:user/u',
      [
        'user `arn:aws:iam::123456789012:user/u`: its policy `inline:Broken` is invalid:',
        'UserDetailList[0].UserPolicyList[0].PolicyDocument.Statement[0].Effect',
      ],
    ],
    [
      'an inline policy that is not JSON',
      {
        RoleDetailList: [
          {
            RoleName: 'r',
            Arn: 'arn:aws:iam::123456789012:role/r',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            RolePolicyList: [{ PolicyName: 'Garbled', PolicyDocument: '%7B%22Version' }],
          },
        ],
      },
      'arn:aws:iam::123456789012:role/r',
      ['its policy `inline:Garbled` is invalid:', 'RoleDetailList[0].RolePolicyList[0].PolicyDocument'],
    ],
    [
      'an invalid trust policy',
      {
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
      },
      'arn:aws:iam::123456789012:role/r',
      ['its trust policy is invalid:', 'RoleDetailList[0].AssumeRolePolicyDocument.Statement[0]'],
    ],
    [
      'an invalid managed policy',
      {
        RoleDetailList: [
          {
            RoleName: 'r',
            Arn: 'arn:aws:iam::123456789012:role/r',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            AttachedManagedPolicies: [{ PolicyName: 'P', PolicyArn: 'arn:aws:iam::123456789012:policy/P' }],
          },
        ],
        Policies: [
          {
            PolicyName: 'P',
            Arn: 'arn:aws:iam::123456789012:policy/P',
            DefaultVersionId: 'v1',
            PolicyVersionList: [
              {
                VersionId: 'v1',
                IsDefaultVersion: true,
                Document: { Statement: [{ Effect: 'Allow', Action: 's3:*' }] },
              },
            ],
          },
        ],
      },
      'arn:aws:iam::123456789012:role/r',
      [
        'managed policy `arn:aws:iam::123456789012:policy/P` is invalid:',
        'Policies[0].PolicyVersionList[0].Document.Statement[0]',
      ],
    ],
  ])('makes a principal with %s an error naming the ARN and the problem', (_name, value, arn, fragments) => {
    const resolver = resolverOf(JSON.stringify(value, null, 2), 'b.json')
    expect(resolver.getPrincipal(arn)).toBeUndefined()
    const explained = resolver.explainPrincipal(arn)
    expect(explained.ok).toBe(false)
    if (!explained.ok) {
      expect(explained.message).toContain(arn)
      for (const fragment of fragments) expect(explained.message).toContain(fragment)
      expect(explained.message).not.toContain('\n')
    }
  })
})
