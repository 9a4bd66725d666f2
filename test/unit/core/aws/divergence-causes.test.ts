import { describe, expect, it } from 'vitest'
import { DIVERGENCE_CAUSES, explainDivergence } from '../../../../core/aws/divergence-causes.ts'
import type { Check, EngineDecision } from '../../../../core/suite/index.ts'
import { ALLOW_ALL, checksOf } from './aws-unit-fixtures.ts'

const decision = (d: EngineDecision['decision'], missing: string[] = []): EngineDecision => ({
  decision: d,
  matchedStatements: [],
  missingContextKeys: missing,
})

const SUITE = `suite: causes
principals:
  dev: { arn: "arn:aws:iam::111122223333:user/dev", policies: [ { name: all, document: ${ALLOW_ALL} } ] }
  member:
    arn: arn:aws:iam::222233334444:user/member
    policies: [ { name: all, document: ${ALLOW_ALL} } ]
  live: { arn: "arn:aws:iam::222233334444:user/live" }
organization:
  accounts: ["222233334444"]
  scps:
    - level: root
      policies:
        - name: only-ec2-and-s3-from-vpc
          document:
            Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: "ec2:*", Resource: "*" }
              - { Effect: Allow, Action: "s3:*", Resource: "*", Condition: { StringEquals: { aws:SourceVpc: vpc-1 } } }
cases:
  - { name: gci, principal: dev, action: sts:GetCallerIdentity, resource: "*", expect: allowed }
  - { name: trust, principal: dev, action: sts:AssumeRole, resource: "arn:aws:iam::111122223333:role/R", expect: allowed }
  - { name: ip, principal: dev, action: s3:GetObject, resource: "*", context: { aws:SourceIp: 10.0.0.1 }, expect: allowed }
  - { name: scp key, principal: member, action: s3:GetObject, resource: "*", expect: denied }
  - { name: scp gap, principal: member, action: sqs:SendMessage, resource: "*", expect: denied }
  - { name: time, principal: dev, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: cross, principal: dev, action: s3:GetObject, resource: "arn:aws:sqs:us-east-1:999999999999:q", expect: allowed }
  - { name: scps not sent, principal: live, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: plain, principal: dev, action: s3:GetObject, resource: "*", expect: allowed }
`

const byName = (checks: readonly Check[], name: string): Check => checks.find((c) => c.case === name)!

describe('explainDivergence', () => {
  const live = {
    getPrincipal: () => ({ policies: [], tags: {} }),
    getManagedPolicy: () => undefined,
  }
  const checks = checksOf(SUITE, live)

  it.each([
    ['gci', decision('allowed'), decision('explicitDeny'), 'get-caller-identity'],
    ['trust', decision('implicitDeny'), decision('allowed'), 'trust-policy-ignored'],
    ['ip', decision('allowed'), decision('implicitDeny', ['aws:SourceIp']), 'missing-context-key'],
    ['scp key', decision('implicitDeny', ['aws:sourcevpc']), decision('allowed'), 'scp-keys-not-reported'],
    ['scp gap', decision('implicitDeny'), decision('explicitDeny'), 'scp-implicit-deny-reported-differently'],
    ['time', decision('implicitDeny', ['aws:currenttime']), decision('allowed'), 'auto-filled-key'],
    ['cross', decision('allowed'), decision('implicitDeny'), 'cross-account'],
    ['scps not sent', decision('implicitDeny'), decision('allowed'), 'suite-scps-not-sent'],
    ['plain', decision('allowed'), decision('implicitDeny'), undefined],
  ])('explains %s as %s', (name, local, aws, cause) => {
    expect(explainDivergence(byName(checks, name), local, aws)).toBe(cause)
  })

  it('explains every code it returns in one line', () => {
    for (const text of Object.values(DIVERGENCE_CAUSES)) expect(text).not.toContain('\n')
  })
})
