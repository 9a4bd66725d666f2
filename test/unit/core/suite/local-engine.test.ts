import { describe, expect, it } from 'vitest'
import type { EvaluationResult } from '../../../../core/evaluator/types.ts'
import { expandSuite } from '../../../../core/suite/expand.ts'
import { createLocalEngine, toEngineDecision } from '../../../../core/suite/local-engine.ts'
import { ALLOW_ALL, loadYaml } from './suite-fixtures.ts'

describe('toEngineDecision', () => {
  it('maps reasons to matched statements, with a position only when the span has one', () => {
    const result: EvaluationResult = {
      decision: 'explicitDeny',
      reasons: [
        {
          policyType: 'identity',
          policy: 'p',
          sid: 'S',
          index: 2,
          effect: 'Deny',
          span: { line: 3, column: 5, endLine: 7, endColumn: 6 },
        },
        {
          policyType: 'scp',
          policy: 'q',
          sid: null,
          index: 0,
          effect: 'Deny',
          span: { line: 0, column: 0, endLine: 0, endColumn: 0 },
          level: 1,
        },
      ],
      missingContextKeys: ['aws:sourceip'],
      errors: [],
    }
    expect(toEngineDecision(result)).toEqual({
      decision: 'explicitDeny',
      matchedStatements: [
        {
          policy: 'p',
          sid: 'S',
          index: 2,
          effect: 'Deny',
          policyType: 'identity',
          position: { line: 3, column: 5, endLine: 7, endColumn: 6 },
        },
        { policy: 'q', sid: null, index: 0, effect: 'Deny', policyType: 'scp' },
      ],
      missingContextKeys: ['aws:sourceip'],
    })
  })
})

describe('createLocalEngine', () => {
  const suite = loadYaml(`suite: s
principals:
  u: { arn: "arn:aws:iam::111122223333:user/u", policies: [ { name: all, document: ${ALLOW_ALL} } ] }
  ghost: { arn: "arn:aws:iam::111122223333:user/ghost" }
cases:
  - { name: a, principal: u, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: b, principal: ghost, action: s3:GetObject, resource: "*", expect: allowed }
`)

  it('answers one result per check, in order, with errors for checks it cannot build', async () => {
    const { checks } = expandSuite(suite)
    const results = await createLocalEngine().evaluate(checks)
    expect(results).toEqual([
      {
        decision: 'allowed',
        matchedStatements: [expect.objectContaining({ policy: 'all' })],
        missingContextKeys: [],
      },
      { error: expect.stringContaining('`arn:aws:iam::111122223333:user/ghost`') },
    ])
  })
})
