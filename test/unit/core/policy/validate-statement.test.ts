import { describe, expect, it } from 'vitest'
import type { PolicyKind } from '../../../../core/policy/types.ts'
import {
  ALLOW,
  doc,
  errorsOf,
  RESOURCE,
  type RuleCase,
  run,
  TRUST,
  valid,
  variable,
  withStatement,
} from './policy-fixtures.ts'

const IAM_KINDS = ['identity', 'boundary', 'session', 'scp'] as const

describe('validateStatement', () => {
  it.each<[string, PolicyKind, unknown]>([
    [
      'arrays for Action and Resource',
      'identity',
      withStatement({ Action: ['s3:Get*', 'iam:*'], Resource: ['*'] }),
    ],
    [
      'NotAction and NotResource',
      'identity',
      withStatement({
        Action: undefined,
        Resource: undefined,
        NotAction: 'iam:*',
        NotResource: 'arn:aws:iam::*:role/x',
      }),
    ],
    [
      'action wildcards in the name',
      'identity',
      withStatement({ Action: ['*', 's3:*', 'EC2:Describe*', 'iam:?et*', 'ec2-instance-connect:Send*'] }),
    ],
    [
      'a policy variable in a Resource',
      'identity',
      withStatement({ Resource: `arn:aws:s3:::b/${variable('aws:username')}/*` }),
    ],
    ['a trust policy without Resource', 'trust', doc(TRUST)],
    ['a trust policy with Resource', 'trust', doc({ ...TRUST, Resource: '*' })],
    ['an SCP without Principal', 'scp', doc({ Effect: 'Deny', Action: '*', Resource: '*' })],
    ['an RCP with Principal *', 'rcp', doc({ ...RESOURCE, Effect: 'Deny' })],
    ['an RCP without Principal', 'rcp', doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' })],
    ['an endpoint policy with Principal *', 'endpoint', doc({ ...RESOURCE, Resource: '*' })],
    [
      'a resource policy with NotPrincipal',
      'resource',
      withStatement({ Principal: undefined, NotPrincipal: { AWS: '123456789012' } }, RESOURCE),
    ],
    ['an alphanumeric Sid', 'identity', withStatement({ Sid: 'AllowRead2' })],
    [
      'a Sid with punctuation outside IAM policies',
      'resource',
      withStatement({ Sid: 'allow-read.all' }, RESOURCE),
    ],
  ])('accepts %s when checking a %s policy', (_name, kind, value) => {
    expect(valid(value, kind)).toBeDefined()
  })

  it.each<RuleCase>([
    // elements
    [
      'an unknown statement element',
      'identity',
      withStatement({ Actions: 's3:x' }),
      [['unknown-element', 'Statement.Actions']],
    ],
    [
      'a lowercase statement element',
      'identity',
      withStatement({ effect: 'Allow', Effect: undefined }),
      [
        ['unknown-element', 'Statement.effect'],
        ['missing-element', 'Statement'],
      ],
    ],
    ['a Sid that is not a string', 'identity', withStatement({ Sid: 1 }), [['wrong-type', 'Statement.Sid']]],
    // Effect
    [
      'a missing Effect',
      'identity',
      withStatement({ Effect: undefined }),
      [['missing-element', 'Statement']],
    ],
    [
      'a lowercase Effect',
      'identity',
      withStatement({ Effect: 'allow' }),
      [['invalid-effect', 'Statement.Effect']],
    ],
    [
      'an unknown Effect',
      'identity',
      withStatement({ Effect: 'Permit' }),
      [['invalid-effect', 'Statement.Effect']],
    ],
    [
      'an Effect that is not a string',
      'identity',
      withStatement({ Effect: true }),
      [['wrong-type', 'Statement.Effect']],
    ],
    // Action
    [
      'both Action and NotAction',
      'identity',
      withStatement({ NotAction: 'iam:*' }),
      [['conflicting-elements', 'Statement']],
    ],
    [
      'neither Action nor NotAction',
      'identity',
      withStatement({ Action: undefined }),
      [['missing-element', 'Statement']],
    ],
    [
      'an empty Action array',
      'identity',
      withStatement({ Action: [] }),
      [['wrong-type', 'Statement.Action']],
    ],
    [
      'an Action that is an object',
      'identity',
      withStatement({ Action: { s3: 'x' } }),
      [['wrong-type', 'Statement.Action']],
    ],
    [
      'a non-string Action entry',
      'identity',
      withStatement({ Action: ['s3:x', 5] }),
      [['wrong-type', 'Statement.Action[1]']],
    ],
    [
      'an Action without a service',
      'identity',
      withStatement({ Action: 'GetObject' }),
      [['invalid-action', 'Statement.Action']],
    ],
    [
      'a wildcard service prefix',
      'identity',
      withStatement({ Action: ['s3:Get*', '*:Get*', 's*:Get'] }),
      [
        ['invalid-action', 'Statement.Action[1]'],
        ['invalid-action', 'Statement.Action[2]'],
      ],
    ],
    [
      'an empty action name',
      'identity',
      withStatement({ NotAction: 's3:', Action: undefined }),
      [['invalid-action', 'Statement.NotAction']],
    ],
    [
      'spaces in an action',
      'identity',
      withStatement({ Action: 's3: GetObject' }),
      [['invalid-action', 'Statement.Action']],
    ],
    // Resource
    [
      'both Resource and NotResource',
      'identity',
      withStatement({ NotResource: '*' }),
      [['conflicting-elements', 'Statement']],
    ],
    [
      'both Resource and NotResource in a trust policy',
      'trust',
      doc({ ...TRUST, Resource: '*', NotResource: '*' }),
      [['conflicting-elements', 'Statement']],
    ],
    [
      'a missing Resource',
      'identity',
      withStatement({ Resource: undefined }),
      [['missing-element', 'Statement']],
    ],
    [
      'a missing Resource in a resource policy',
      'resource',
      withStatement({ Resource: undefined }, RESOURCE),
      [['missing-element', 'Statement']],
    ],
    [
      'a Resource that is not an ARN',
      'identity',
      withStatement({ Resource: 'my-bucket' }),
      [['invalid-arn', 'Statement.Resource']],
    ],
    [
      'a wildcard in the ARN service',
      'identity',
      withStatement({ Resource: ['arn:aws:s3:::b', 'arn:aws:*:::b'] }),
      [['invalid-arn', 'Statement.Resource[1]']],
    ],
    [
      'an unknown partition',
      'identity',
      withStatement({ NotResource: 'arn:aws-mars:s3:::b', Resource: undefined }),
      [['invalid-arn', 'Statement.NotResource']],
    ],
    ['a Resource number', 'identity', withStatement({ Resource: 5 }), [['wrong-type', 'Statement.Resource']]],
    // Principal placement
    ...IAM_KINDS.map(
      (kind): RuleCase => [
        `a Principal in a ${kind} policy`,
        kind,
        withStatement({ Principal: '*' }),
        [['principal-not-allowed', 'Statement.Principal']],
      ],
    ),
    ...IAM_KINDS.map(
      (kind): RuleCase => [
        `a NotPrincipal in a ${kind} policy`,
        kind,
        withStatement({ NotPrincipal: { AWS: '123456789012' } }),
        [['not-principal-not-allowed', 'Statement.NotPrincipal']],
      ],
    ),
    [
      'a NotPrincipal in a trust policy',
      'trust',
      withStatement({ Principal: undefined, NotPrincipal: { AWS: '123456789012' } }, TRUST),
      [['not-principal-not-allowed', 'Statement.NotPrincipal']],
    ],
    ...(['resource', 'trust', 'endpoint'] as const).map(
      (kind): RuleCase => [
        `a missing Principal in a ${kind} policy`,
        kind,
        withStatement({ Principal: undefined }, RESOURCE),
        [['missing-element', 'Statement']],
      ],
    ),
    [
      'both Principal and NotPrincipal',
      'resource',
      withStatement({ NotPrincipal: { AWS: '123456789012' } }, RESOURCE),
      [['conflicting-elements', 'Statement']],
    ],
  ])('reports %s when checking a %s policy', (_name, kind, value, expected) => {
    expect(errorsOf(value, kind)).toEqual(expected)
  })

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
  it('rejects a Sid with punctuation in an identity policy', () => {
    const result = run(withStatement({ Sid: 'allow-read' }), 'identity')
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid-sid', path: 'Statement.Sid', severity: 'error' }],
    })
  })

  it('accepts a Sid with punctuation in a resource policy', () => {
    expect(run(withStatement({ Sid: 'allow-read', Principal: '*' }), 'resource').ok).toBe(true)
  })

  it('uses Statement[i] paths when the statements are in an array', () => {
    expect(errorsOf(doc([ALLOW, { ...ALLOW, Effect: 'Allowed' }]), 'identity')).toEqual([
      ['invalid-effect', 'Statement[1].Effect'],
    ])
  })
})
