import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { evaluate } from '../../../../core/evaluator/evaluate.ts'
import type {
  AuthorizationRequest,
  Caller,
  EvaluationResult,
  PolicySet,
} from '../../../../core/evaluator/types.ts'
import type { NamedPolicy } from '../../../../core/policy/types.ts'
import { A, B, context, policy } from '../../../support/policies.ts'

const ACTIONS = [
  's3:GetObject',
  's3:Get*',
  's3:*',
  '*',
  'ec2:RunInstances',
  'ec2:Describe*',
  'iam:?etUser',
  'iam:*',
  'S3:putobject',
]
const RESOURCES = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/x',
  'arn:aws:s3:::*',
  'arn:aws:ec2:*:111122223333:instance/*',
  'arn:aws:s3:::b/${aws:username}/*',
  'arn:aws:iam::*:user/*',
  // literal ARNs and prefixes that share their start (the literal ARN index splits its edges on them)
  'arn:aws:s3:::b',
  'arn:aws:s3:::b/x*',
  'arn:aws:s3:::b/al*',
  'arn:aws:s3:::bb/*',
  'arn:aws:iam::111122223333:user/bob',
]
const CONDITIONS: Record<string, unknown>[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': ['data', 'ops'] } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['env*'] } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/a*' } },
  { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
]
const REQUEST_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'ec2:RunInstances',
  'ec2:DescribeInstances',
  'iam:GetUser',
  'iam:CreateUser',
]
const REQUEST_RESOURCES = [
  'arn:aws:s3:::b/x',
  'arn:aws:s3:::b/alice/y',
  'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
  'arn:aws:iam::111122223333:user/bob',
  'arn:aws:s3:::b',
  'arn:aws:s3:::bb/x',
  '*',
]

const statementArb = (withPrincipal: boolean) =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
      notAction: fc.boolean(),
      resources: fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }),
      notResource: fc.boolean(),
      conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
      principal: fc.constantFrom<unknown>(
        '*',
        { AWS: A },
        { AWS: B },
        { AWS: `arn:aws:iam::${A}:user/alice` },
        { AWS: `arn:aws:iam::${A}:user/bob` },
      ),
    })
    .map((s) => ({
      Effect: s.effect,
      [s.notAction ? 'NotAction' : 'Action']: s.actions,
      [s.notResource ? 'NotResource' : 'Resource']: s.resources,
      ...(s.conditions.length ? { Condition: Object.assign({}, ...s.conditions) } : {}),
      ...(withPrincipal ? { Principal: s.principal } : {}),
    }))

const docArb = (withPrincipal: boolean) =>
  fc.record({
    version: fc.constantFrom('2012-10-17', '2008-10-17', undefined),
    statements: fc.array(statementArb(withPrincipal), { minLength: 1, maxLength: 4 }),
  })

type Doc = { version: '2012-10-17' | '2008-10-17' | undefined; statements: Record<string, unknown>[] }
const toPolicy = (name: string, d: Doc, kind: 'identity' | 'boundary' | 'resource'): NamedPolicy =>
  policy(name, { ...(d.version ? { Version: d.version } : {}), Statement: d.statements }, kind)

const ctxArb = fc.record(
  {
    'aws:PrincipalTag/team': fc.constantFrom('data', 'ops', 'web'),
    'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.7', '2001:db8::5', 'not-an-ip'),
    'aws:MultiFactorAuthPresent': fc.boolean(),
    'aws:CurrentTime': fc.constantFrom('2026-06-01T00:00:00Z', '2028-01-01T00:00:00Z', 'garbage'),
    'aws:TagKeys': fc.subarray(['env', 'team', 'owner']),
    'aws:MultiFactorAuthAge': fc.constantFrom('10', '7200'),
    'aws:username': fc.constant('alice'),
    's3:prefix': fc.constantFrom('home/alice/x', 'home/bob/y'),
  },
  { requiredKeys: [] },
)

const scenarioArb = fc.record({
  identity: fc.array(docArb(false), { minLength: 0, maxLength: 3 }),
  boundary: fc.option(docArb(false), { nil: undefined }),
  resource: fc.option(docArb(true), { nil: undefined }),
  resourceAccount: fc.constantFrom(A, B),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  resourceArn: fc.constantFrom(...REQUEST_RESOURCES),
  ctx: ctxArb,
})

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never

const build = (
  s: Scenario,
  mapDocs: (d: Doc, withPrincipal: boolean) => Doc = (d) => d,
): { request: AuthorizationRequest; policies: PolicySet } => ({
  request: {
    caller: { type: 'user', arn: `arn:aws:iam::${A}:user/alice`, account: A },
    action: s.action,
    resource: s.resourceArn,
    resourceAccount: s.resourceAccount,
    context: context(s.ctx as Record<string, string | boolean | string[]>),
  },
  policies: {
    identity: (s.identity as Doc[]).map((d, i) => toPolicy(`p${i}`, mapDocs(d, false), 'identity')),
    ...(s.boundary ? { boundary: toPolicy('boundary', mapDocs(s.boundary, false), 'boundary') } : {}),
    ...(s.resource
      ? {
          resource: toPolicy('resource', mapDocs(s.resource, true), 'resource'),
          resourcePolicyKind: 'standard' as const,
        }
      : {}),
  },
})

const onlyDenies = (d: Doc): Doc => ({ ...d, statements: d.statements.filter((st) => st.Effect === 'Deny') })
const withNoStatementsLeft = (d: Doc, withPrincipal: boolean): Doc =>
  d.statements.length
    ? d
    : {
        ...d,
        statements: [
          {
            Effect: 'Deny',
            Action: 'none:None',
            Resource: '*',
            ...(withPrincipal ? { Principal: '*' } : {}),
          },
        ],
      }

const CALLERS: readonly Caller[] = [
  { type: 'user', arn: `arn:aws:iam::${A}:user/alice`, account: A },
  { type: 'root', arn: `arn:aws:iam::${A}:root`, account: A },
  { type: 'federatedUser', arn: `arn:aws:sts::${A}:federated-user/f`, account: A },
]

const requestArb = fc.record({
  caller: fc.constantFrom(...CALLERS),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  resource: fc.constantFrom(...REQUEST_RESOURCES),
  resourceAccount: fc.constantFrom(A, B),
  ctx: ctxArb,
})

/** What a result says, with its statements as plain facts (the paths make their own entry objects) */
const said = (r: EvaluationResult) => ({
  decision: r.decision,
  decisionReason: r.decisionReason,
  reasons: r.reasons.map((m) => [m.policyType, m.policy, m.index, m.effect]),
  missingContextKeys: [...r.missingContextKeys].sort(),
  errors: r.errors.length,
})

describe('evaluator properties', () => {
  test.prop([scenarioArb, fc.array(requestArb, { minLength: 2, maxLength: 10 })], { numRuns: 200 })(
    'a run of requests against one policy set, decisions remembered included, agrees with the reference path',
    (s, requests) => {
      const { policies } = build(s)
      for (let round = 0; round < 2; round++) {
        for (const r of requests) {
          const request: AuthorizationRequest = {
            caller: r.caller,
            action: r.action,
            resource: r.resource,
            resourceAccount: r.resourceAccount,
            context: context(r.ctx as Record<string, string | boolean | string[]>),
          }
          expect(said(evaluate(request, policies))).toEqual(
            said(evaluate(request, policies, { reference: true })),
          )
        }
      }
    },
  )

  test.prop([scenarioArb], { numRuns: 400 })(
    'evaluation never throws and the compiled and reference paths agree',
    (s) => {
      const { request, policies } = build(s)
      const compiled = evaluate(request, policies)
      const reference = evaluate(request, policies, { reference: true })
      expect(compiled.decision).toBe(reference.decision)
      expect([...compiled.missingContextKeys].sort()).toEqual([...reference.missingContextKeys].sort())
      expect(() => evaluate(request, policies, { explain: 'full' })).not.toThrow()
    },
  )

  test.prop([scenarioArb, statementArb(false)], { numRuns: 300 })(
    'adding a Deny never turns a decision into allowed',
    (s, extra) => {
      const before = evaluate(build(s).request, build(s).policies).decision
      const denyDoc: Doc = { version: '2012-10-17', statements: [{ ...extra, Effect: 'Deny' }] }
      const withDeny = build({ ...s, identity: [...(s.identity as Doc[]), denyDoc] as Scenario['identity'] })
      const after = evaluate(withDeny.request, withDeny.policies).decision
      if (after === 'allowed') expect(before).toBe('allowed')
      if (before === 'explicitDeny') expect(after).toBe('explicitDeny')
    },
  )

  test.prop([scenarioArb], { numRuns: 300 })('removing every Allow never yields allowed', (s) => {
    const { request, policies } = build(s, (d, withPrincipal) =>
      withNoStatementsLeft(onlyDenies(d), withPrincipal),
    )
    expect(evaluate(request, policies).decision).not.toBe('allowed')
  })
})
