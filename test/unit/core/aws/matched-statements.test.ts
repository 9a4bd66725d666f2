import type { PolicySourceType, Statement } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { reportStatements, sourcePolicyOf, statementAt } from '../../../../core/aws/matched-statements.ts'
import type { SentPolicy, Simulation } from '../../../../core/aws/plan-check.ts'
import { NO_IDENTITY_POLICY } from '../../../../core/aws/plan-check.ts'
import { parsePolicyText } from '../../../../core/policy/index.ts'
import type { PolicyKind } from '../../../../core/policy/types.ts'

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "First", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Sid": "Second", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }
  ]
}`

const sent = (name: string, text: string, kind: PolicyKind = 'identity', arn?: string): SentPolicy => {
  const parsed = parsePolicyText(text, kind)
  if (!parsed.ok) throw new Error('bad policy')
  return {
    policy: { name, document: parsed.value, ...(arn ? { arn } : {}) },
    text,
    kind,
    policyType: kind === 'resource' ? 'resource' : kind === 'boundary' ? 'boundary' : 'identity',
  }
}

const SIMULATION: Simulation = {
  api: 'SimulateCustomPolicy',
  policies: [sent('placeholder', NO_IDENTITY_POLICY), sent('team-policy', TEXT)],
  boundary: sent('the-boundary', TEXT, 'boundary'),
  resourcePolicy: sent('bucket', TEXT.replace(/"Resource"/g, '"Principal": "*", "Resource"'), 'resource'),
  contextEntries: [],
  knownPolicies: [sent('Managed', TEXT, 'identity', 'arn:aws:iam::1:policy/Managed').policy],
  key: '',
}

const at = (line: number, column: number, id: string, type = 'none'): Statement => ({
  SourcePolicyId: id,
  SourcePolicyType: type as PolicySourceType,
  StartPosition: { Line: line, Column: column },
  EndPosition: { Line: line, Column: column + 10 },
})

describe('sourcePolicyOf', () => {
  it.each([
    ['PolicyInputList.2', 'team-policy'],
    ['PermissionsBoundaryPolicyInputList.1', 'the-boundary'],
    ['PermissionsBoundaryPolicyInputList', 'the-boundary'],
    ['ResourcePolicy', 'bucket'],
    ['Managed', 'Managed'],
    ['arn:aws:iam::1:policy/Managed', 'Managed'],
  ])('finds %s', (id, name) => {
    expect(sourcePolicyOf(id, undefined, SIMULATION)?.policy.name).toBe(name)
  })
})

describe('statementAt', () => {
  it('finds the statement containing a position, else the last one before it', () => {
    const doc = SIMULATION.policies[1]!.policy.document
    expect(statementAt(doc, 4, 5)).toBe(0)
    expect(statementAt(doc, 5, 30)).toBe(1)
    expect(statementAt(doc, 6, 1)).toBe(1)
    expect(statementAt(doc, 1, 1)).toBe(0)
  })
})

describe('reportStatements', () => {
  it('names the policy, sid, index and effect of each statement, without duplicates or the placeholder', () => {
    const out = reportStatements(
      [
        at(5, 5, 'PolicyInputList.2'),
        at(5, 6, 'PolicyInputList.2'),
        at(4, 5, 'ResourcePolicy', 'resource'),
        at(1, 1, 'PolicyInputList.1'),
      ],
      SIMULATION,
      'explicitDeny',
    )
    expect(out).toEqual([
      {
        policy: 'team-policy',
        sid: 'Second',
        index: 1,
        effect: 'Deny',
        policyType: 'identity',
        position: expect.any(Object),
      },
      {
        policy: 'bucket',
        sid: 'First',
        index: 0,
        effect: 'Allow',
        policyType: 'resource',
        position: expect.any(Object),
      },
    ])
  })

  it('keeps a statement of a policy it cannot find, by its id', () => {
    expect(reportStatements([at(1, 1, 'SomeAccountPolicy', 'user')], SIMULATION, 'allowed')).toEqual([
      { policy: 'SomeAccountPolicy', sid: null, index: -1, effect: 'Allow', policyType: 'identity' },
    ])
  })
})
