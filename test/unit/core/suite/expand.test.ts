import { describe, expect, it } from 'vitest'
import { parsePolicyText } from '../../../../core/policy/index.ts'
import type { NamedPolicy } from '../../../../core/policy/types.ts'
import { type AccountResolver, unresolvedReferences } from '../../../../core/suite/account-resolver.ts'
import type { Check } from '../../../../core/suite/check.ts'
import { expandSuite } from '../../../../core/suite/expand.ts'
import { ALLOW_ALL, loadYaml } from './suite-fixtures.ts'

const A = '111122223333'
const B = '444455556666'
const MGMT = '999999999999'

const expandYaml = (text: string, options: Parameters<typeof expandSuite>[1] = {}) =>
  expandSuite(loadYaml(text), options)

const only = (checks: readonly Check[]): Check => {
  expect(checks).toHaveLength(1)
  return checks[0]!
}

/** A suite with the usual principals; `cases` (and extra top-level text) are swapped in */
const suite = (cases: string, extra = '') => `suite: s
principals:
  user:
    arn: arn:aws:iam::${A}:user/alice
    policies: [ { name: own, document: ${ALLOW_ALL} } ]
    groups: [devs]
  role:
    arn: arn:aws:iam::${A}:role/team/Worker
    policies: [ { name: worker, document: ${ALLOW_ALL} } ]
    tags: { Team: blue, cost: "1" }
    sessionTags: { team: red }
    trustPolicy: { name: trust, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "${A}" }, Action: "sts:AssumeRole" } ] } }
  named-session:
    arn: arn:aws:iam::${A}:role/Named
    policies: []
    sessionName: my-session
    sessionPolicy: { name: scope, document: ${ALLOW_ALL} }
  session:
    arn: arn:aws:sts::${A}:assumed-role/Worker/s1
  fed:
    arn: arn:aws:sts::${A}:federated-user/bob
    federatedFrom: arn:aws:iam::${A}:user/alice
  fed-scoped:
    arn: arn:aws:sts::${A}:federated-user/carol
    policies: []
    sessionPolicy: { name: fed-scope, document: ${ALLOW_ALL} }
  anon:
    arn: anonymous
  slr:
    arn: arn:aws:iam::${A}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS
    policies: []
  other-account:
    arn: arn:aws:iam::${B}:role/Remote
    policies: []
  mgmt:
    arn: arn:aws:iam::${MGMT}:user/admin
    policies: []
groups:
  devs:
    policies: [ { name: devs-policy, document: ${ALLOW_ALL} } ]
resources:
  bucket:
    arn: arn:aws:s3:::data
    account: "${B}"
    tags: { class: internal }
    policy: { name: bucket-policy, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*" } ] } }
  reports:
    arn: arn:aws:s3:::data/reports
    policy: { name: reports-policy, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*" } ] } }
  key:
    arn: arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab
    policy: { name: key-policy, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:root" }, Action: "kms:*", Resource: "*" } ] } }
${extra}
cases:
${cases}
`

const kase = (principal: string, action: string, resource: string, more = '') =>
  `  - { name: "${principal} ${action} ${resource}", principal: ${principal}, action: "${action}", resource: "${resource}", expect: allowed${more} }`

const checkOf = (principal: string, action = 's3:GetObject', resource = '*', extra = '', more = '') =>
  only(expandYaml(suite(kase(principal, action, resource, more), extra)).checks)

describe('expandSuite: matrix and ids', () => {
  const matrix = suite(`  - name: m
    principal: user
    actions: [s3:GetObject, s3:PutObject]
    resources: ["arn:aws:s3:::a", "arn:aws:s3:::b", "arn:aws:s3:::c"]
    expect: denied`)

  it('makes one check per action and resource when a case is a matrix', () => {
    const { checks } = expandYaml(matrix)
    expect(checks.map((c) => `${c.action} ${c.resource}`)).toEqual([
      's3:GetObject arn:aws:s3:::a',
      's3:GetObject arn:aws:s3:::b',
      's3:GetObject arn:aws:s3:::c',
      's3:PutObject arn:aws:s3:::a',
      's3:PutObject arn:aws:s3:::b',
      's3:PutObject arn:aws:s3:::c',
    ])
    expect(checks.every((c) => c.expected === 'denied' && c.suite === 's' && c.case === 'm')).toBe(true)
  })

  it('gives stable, unique ids when the same suite is expanded twice', () => {
    const first = expandYaml(matrix).checks.map((c) => c.id)
    expect(new Set(first).size).toBe(6)
    expect(expandYaml(matrix).checks.map((c) => c.id)).toEqual(first)
    expect(first[0]).toMatch(/^[0-9a-f]{16}$/)
  })

  it('keeps a check id when other cases are added before it', () => {
    const alone = expandYaml(suite(kase('user', 's3:GetObject', '*'))).checks[0]!.id
    const after = expandYaml(
      suite(`${kase('role', 's3:PutObject', '*')}\n${kase('user', 's3:GetObject', '*')}`),
    ).checks[1]!.id
    expect(after).toBe(alone)
  })

  it('counts skipped checks and leaves them out when cases are skipped or not focused', () => {
    const cases = [
      kase('user', 's3:GetObject', '*', ', skip: true'),
      kase('user', 's3:PutObject', '*', ', only: true'),
      kase('role', 's3:PutObject', '*'),
      `  - { name: matrix, principal: user, actions: [s3:A, s3:B], resources: ["*"], expect: denied }`,
    ].join('\n')
    const { checks, skipped } = expandYaml(suite(cases))
    expect(checks.map((c) => c.action)).toEqual(['s3:PutObject'])
    expect(skipped).toBe(4)
  })
})

describe('expandSuite: context', () => {
  const extra = `context:
  aws:SourceIp: 203.0.113.10
  aws:RequestedRegion: us-east-1
  aws:MultiFactorAuthAge: 300`

  it('merges the case context over the suite context and removes keys set to null', () => {
    const check = checkOf(
      'user',
      's3:GetObject',
      '*',
      extra,
      ', context: { aws:sourceip: 10.0.0.1, aws:RequestedRegion: null, aws:SecureTransport: true }',
    )
    expect(Object.fromEntries(check.context)).toEqual({
      'aws:sourceip': { values: ['10.0.0.1'], multi: false, type: 'string' },
      'aws:multifactorauthage': { values: ['300'], multi: false, type: 'numeric' },
      'aws:securetransport': { values: ['true'], multi: false, type: 'boolean' },
    })
  })

  it('uses the catalog type and arity when the key is known and the value is not typed', () => {
    const keyTypes = (key: string) =>
      key.toLowerCase() === 'aws:sourceip'
        ? { type: 'ip' as const, multi: false }
        : key === 'aws:TagKeys'
          ? { type: 'string' as const, multi: true }
          : undefined
    const text = suite(
      kase(
        'user',
        's3:GetObject',
        '*',
        ', context: { aws:TagKeys: a, s3:Custom: { type: date, value: 2026-01-01 } }',
      ),
      extra,
    )
    const check = only(expandYaml(text, { keyTypes }).checks)
    expect(check.context.get('aws:sourceip')).toEqual({ values: ['203.0.113.10'], multi: false, type: 'ip' })
    expect(check.context.get('aws:tagkeys')).toEqual({ values: ['a'], multi: true, type: 'string' })
    expect(check.context.get('s3:custom')).toEqual({ values: ['2026-01-01'], multi: false, type: 'date' })
  })

  it('keeps an empty list as a present key with no values', () => {
    expect(
      checkOf('user', 's3:GetObject', '*', '', ', context: { aws:TagKeys: [] }').context.get('aws:tagkeys'),
    ).toEqual({
      values: [],
      multi: true,
      type: 'string',
    })
  })

  it('gives a via hop the suite context and its own, not the case context', () => {
    const check = checkOf(
      'user',
      's3:GetObject',
      '*',
      extra,
      ', context: { aws:PrincipalTag/x: y }, via: [ { role: role, context: { aws:MultiFactorAuthPresent: true, aws:RequestedRegion: null } } ]',
    )
    expect([...check.via[0]!.hop!.context.keys()].sort()).toEqual([
      'aws:multifactorauthage',
      'aws:multifactorauthpresent',
      'aws:sourceip',
    ])
    expect(check.context.has('aws:principaltag/x')).toBe(true)
  })
})

describe('expandSuite: resources', () => {
  it.each([
    ['an exact fixture', 'arn:aws:s3:::data', 'bucket-policy', B, { class: 'internal' }],
    ['the longest prefix fixture', 'arn:aws:s3:::data/reports/q1.csv', 'reports-policy', A, {}],
    ['a shorter prefix fixture', 'arn:aws:s3:::data/tmp/x', 'bucket-policy', B, { class: 'internal' }],
    ['no fixture when only a name prefix matches', 'arn:aws:s3:::data-other/x', undefined, A, {}],
  ])('finds %s', (_label, resource, policy, account, tags) => {
    const model = checkOf('user', 's3:GetObject', resource).resourceModel!
    expect(model.policy?.name).toBe(policy)
    expect(model.account).toBe(account)
    expect(model.tags).toEqual(tags)
  })

  it.each([
    ['the fixture account', 'user', 'arn:aws:s3:::data', B],
    ['the ARN account', 'user', `arn:aws:dynamodb:us-east-1:${B}:table/t`, B],
    ['the principal account when the ARN has none', 'other-account', 'arn:aws:s3:::elsewhere', B],
    ['no account for an anonymous caller and an S3 ARN', 'anon', 'arn:aws:s3:::elsewhere', undefined],
  ])('takes the owner from %s', (_label, principal, resource, account) => {
    expect(checkOf(principal, 's3:GetObject', resource).resourceModel!.account).toBe(account)
  })

  it('takes the owner from the last via role when the request is made through a chain', () => {
    const check = checkOf(
      'user',
      's3:GetObject',
      'arn:aws:s3:::elsewhere',
      '',
      ', via: [ { role: other-account } ]',
    )
    expect(check.resourceModel!.account).toBe(B)
  })

  it.each([
    ['sts:AssumeRole', 'trust', 'trust'],
    ['STS:assumerole', 'trust', 'trust'],
    ['sts:TagSession', 'trust', 'trust'],
    ['sts:SetSourceIdentity', 'trust', 'trust'],
    ['sts:AssumeRoleWithWebIdentity', 'trust', 'trust'],
    ['iam:GetRole', undefined, undefined],
  ])('attaches the role trust policy for %s when the resource is the role', (action, policy, kind) => {
    const model = checkOf('user', action, `arn:aws:iam::${A}:role/team/Worker`).resourceModel!
    expect(model.policy?.name).toBe(policy)
    expect(model.policyKind).toBe(kind)
    expect(model.tags).toEqual({ Team: 'blue', cost: '1' })
  })

  it('leaves a role without a trust policy unassumable when the suite gives its policies', () => {
    const model = checkOf('user', 'sts:AssumeRole', `arn:aws:iam::${A}:role/Named`).resourceModel!
    expect(model).toMatchObject({ policy: undefined, policyKind: 'trust' })
  })

  it('marks a KMS key policy as such when the resource is a key', () => {
    const model = checkOf(
      'user',
      'kms:Decrypt',
      `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    ).resourceModel!
    expect(model).toMatchObject({ policyKind: 'kms', policy: { name: 'key-policy' } })
    expect(checkOf('user', 's3:GetObject', 'arn:aws:s3:::data').resourceModel!.policyKind).toBe('standard')
  })
})

describe('expandSuite: identities', () => {
  it('builds an IAM user with its groups policies appended', () => {
    const { identity, principal, principalName } = checkOf('user')
    expect(identity).toMatchObject({
      caller: { type: 'user', arn: `arn:aws:iam::${A}:user/alice`, account: A },
      userName: 'alice',
    })
    expect(identity!.identityPolicies.map((p) => p.name)).toEqual(['own', 'devs-policy'])
    expect([principal, principalName]).toEqual([`arn:aws:iam::${A}:user/alice`, 'user'])
  })

  it('builds a role session named after the principal key, with session tags over role tags', () => {
    const { identity, principal } = checkOf('role')
    expect(identity!.caller).toEqual({
      type: 'assumedRole',
      arn: `arn:aws:sts::${A}:assumed-role/Worker/role`,
      account: A,
      roleArn: `arn:aws:iam::${A}:role/team/Worker`,
      serviceLinkedRole: false,
    })
    expect(identity!.tags).toEqual({ cost: '1', team: 'red' })
    expect(identity!.sessionPolicies).toBeUndefined()
    expect(principal).toBe(`arn:aws:iam::${A}:role/team/Worker`)
  })

  it('uses the sessionName and session policy when a role principal gives them', () => {
    const { identity } = checkOf('named-session')
    expect(identity!.caller.arn).toBe(`arn:aws:sts::${A}:assumed-role/Named/my-session`)
    expect(identity!.sessionPolicies?.map((p) => p.name)).toEqual(['scope'])
  })

  it("gives a role session its role's policies when the suite has the role", () => {
    const { identity, policySource } = checkOf('session')
    expect(identity!.caller).toMatchObject({
      type: 'assumedRole',
      arn: `arn:aws:sts::${A}:assumed-role/Worker/s1`,
      roleArn: `arn:aws:iam::${A}:role/team/Worker`,
    })
    expect(identity!.identityPolicies.map((p) => p.name)).toEqual(['worker'])
    expect(policySource).toBe('suite')
  })

  it('builds a federated user from the federating user without a session policy', () => {
    const { identity } = checkOf('fed')
    expect(identity!.caller).toMatchObject({
      type: 'federatedUser',
      federatingUserArn: `arn:aws:iam::${A}:user/alice`,
    })
    expect(identity!.identityPolicies.map((p) => p.name)).toEqual(['own', 'devs-policy'])
    expect(identity!.sessionPolicies).toBeUndefined()
    expect(checkOf('fed-scoped').identity!.sessionPolicies?.map((p) => p.name)).toEqual(['fed-scope'])
  })

  it('builds an anonymous caller with no policies', () => {
    expect(checkOf('anon').identity).toEqual({
      caller: { type: 'anonymous', arn: 'anonymous', account: undefined },
      identityPolicies: [],
      tags: {},
    })
  })
})

describe('expandSuite: organization', () => {
  const org = (more = '') => `organization:
  scps:
    - { level: root, policies: [ { name: FullAWSAccess, document: ${ALLOW_ALL} } ] }
    - { level: ou, policies: [ { name: ou-scp, document: ${ALLOW_ALL} } ] }
  rcps:
    - { level: root, policies: [ { name: rcp, document: { Version: "2012-10-17", Statement: [ { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { aws:SecureTransport: false } } } ] } } ] }
  managementAccount: "${MGMT}"
${more}`

  const scpNames = (check: Check) => check.identity!.scpLevels?.map((level) => level.map((p) => p.name))

  it('applies SCP levels to principals of member accounts, root first', () => {
    expect(scpNames(checkOf('user', 's3:GetObject', '*', org()))).toEqual([['FullAWSAccess'], ['ou-scp']])
    expect(scpNames(checkOf('other-account', 's3:GetObject', '*', org()))).toHaveLength(2)
  })

  it.each([
    ['the management account', 'mgmt'],
    ['a service-linked role', 'slr'],
    ['an anonymous caller', 'anon'],
  ])('never applies SCPs to %s', (_label, principal) => {
    expect(checkOf(principal, 's3:GetObject', '*', org()).identity!.scpLevels).toBeUndefined()
  })

  it('applies SCPs only to the listed accounts when `accounts` is given', () => {
    const listed = org(`  accounts: ["${B}"]`)
    expect(checkOf('user', 's3:GetObject', '*', listed).identity!.scpLevels).toBeUndefined()
    expect(checkOf('other-account', 's3:GetObject', '*', listed).identity!.scpLevels).toHaveLength(2)
  })

  it('applies RCP levels to resources of member accounts and not of the management account', () => {
    expect(
      checkOf('user', 's3:GetObject', 'arn:aws:s3:::data', org()).resourceModel!.rcpLevels?.[0]?.map(
        (p) => p.name,
      ),
    ).toEqual(['rcp'])
    expect(
      checkOf('user', 'iam:GetUser', `arn:aws:iam::${MGMT}:user/admin`, org()).resourceModel!.rcpLevels,
    ).toBeUndefined()
  })

  it('applies SCPs to the roles of a via chain as identities of their own account', () => {
    const check = checkOf('user', 's3:GetObject', '*', org(), ', via: [ { role: other-account } ]')
    expect(check.via[0]!.hop!.role.scpLevels).toHaveLength(2)
  })
})

describe('expandSuite: via', () => {
  it('builds one AssumeRole hop per via entry with the role identity, trust policy and session name', () => {
    const check = checkOf(
      'user',
      's3:GetObject',
      '*',
      '',
      ', via: [ { role: role, sessionTags: { project: x }, transitiveTagKeys: [project], sourceIdentity: alice } ]',
    )
    const step = check.via[0]!
    expect(step).toMatchObject({ roleArn: `arn:aws:iam::${A}:role/team/Worker`, name: 'role' })
    expect(step.hop).toMatchObject({
      roleArn: `arn:aws:iam::${A}:role/team/Worker`,
      sessionName: 'role',
      trustPolicy: { name: 'trust' },
      sessionTags: { project: 'x' },
      transitiveTagKeys: ['project'],
      sourceIdentity: 'alice',
    })
    expect(step.hop!.role.tags).toEqual({ Team: 'blue', cost: '1' })
    expect(check.identity!.caller.type).toBe('user')
  })

  it('resolves a via role ARN from the account when the suite does not have it', () => {
    const trust = parsePolicyText(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }],
      }),
      'trust',
    )
    if (!trust.ok) throw new Error('bad trust')
    const resolver: AccountResolver = {
      getPrincipal: (arn) =>
        arn === `arn:aws:iam::${B}:role/Ops`
          ? { policies: [], trustPolicy: { name: 'ops-trust', document: trust.value } }
          : undefined,
      getManagedPolicy: () => undefined,
    }
    const text = suite(
      kase(
        'user',
        's3:GetObject',
        '*',
        `, via: [ { role: "arn:aws:iam::${B}:role/Ops", sessionName: ops-session } ]`,
      ),
    )
    const step = only(expandYaml(text, { resolver }).checks).via[0]!
    expect(step.hop).toMatchObject({
      roleArn: `arn:aws:iam::${B}:role/Ops`,
      sessionName: 'ops-session',
      trustPolicy: { name: 'ops-trust' },
    })
  })
})

describe('expandSuite: account resolution', () => {
  const managed = (name: string): NamedPolicy => {
    const doc = parsePolicyText(
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
      'identity',
    )
    if (!doc.ok) throw new Error('bad policy')
    return { name, document: doc.value, arn: `arn:aws:iam::aws:policy/${name}` }
  }
  const text = `suite: s
principals:
  ghost: { arn: "arn:aws:iam::${A}:user/ghost", permissionsBoundary: { arn: "arn:aws:iam::aws:policy/Boundary" } }
  managed: { arn: "arn:aws:iam::${A}:user/m", policies: [ { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ] }
cases:
  - { name: a, principal: ghost, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: b, principal: managed, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: c, principal: "arn:aws:iam::${A}:role/Elsewhere", action: s3:GetObject, resource: "*", expect: allowed }
`

  it('marks checks unresolved, naming the ARN, when there is no account to resolve from', () => {
    const { checks } = expandYaml(text)
    expect(checks.map((c) => [c.identity, c.policySource])).toEqual([
      [undefined, 'account'],
      [undefined, 'suite'],
      [undefined, 'account'],
    ])
    expect(checks[0]!.unresolved).toContain(`\`arn:aws:iam::aws:policy/Boundary\``)
    expect(checks[1]!.unresolved).toContain('`arn:aws:iam::aws:policy/ReadOnlyAccess`')
    expect(checks[2]!.unresolved).toContain(`\`arn:aws:iam::${A}:role/Elsewhere\``)
  })

  it('resolves principals and managed policies through the resolver when it knows them', () => {
    const resolver: AccountResolver = {
      getPrincipal: (arn) =>
        arn.endsWith('user/ghost') ? { policies: [managed('GhostPolicy')], tags: { k: 'v' } } : undefined,
      getManagedPolicy: (arn) => managed(arn.slice(arn.lastIndexOf('/') + 1)),
    }
    const { checks } = expandYaml(text, { resolver })
    expect(checks[0]!.identity).toMatchObject({
      identityPolicies: [{ name: 'GhostPolicy' }],
      boundary: { name: 'Boundary' },
      tags: { k: 'v' },
    })
    expect(checks[1]!.identity!.identityPolicies.map((p) => p.name)).toEqual(['ReadOnlyAccess'])
    expect(checks[2]!.unresolved).toBe(
      `principal \`arn:aws:iam::${A}:role/Elsewhere\` not found in the account`,
    )
  })

  it('lists what the account must provide before expansion', () => {
    expect(unresolvedReferences(loadYaml(text))).toEqual({
      principals: [`arn:aws:iam::${A}:role/Elsewhere`, `arn:aws:iam::${A}:user/ghost`],
      managedPolicies: ['arn:aws:iam::aws:policy/Boundary', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    })
  })
})
