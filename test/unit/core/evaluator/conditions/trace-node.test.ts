import { describe, expect, it } from 'vitest'
import { compileConditionTest, conditionTraceNode } from '../../../../../core/evaluator/conditions/index.ts'
import { conditionTest, contextOf } from './operator-table.ts'

describe('conditionTraceNode', () => {
  it('builds a condition node with the detail when the result was traced', () => {
    const test = conditionTest('StringLike', 'aws:PrincipalTag/team', 'da*')
    const result = compileConditionTest(test, '2012-10-17')(
      contextOf({ 'aws:principaltag/team': 'data' }),
      true,
    )
    const node = conditionTraceNode(test, result)
    expect(node).toMatchObject({
      kind: 'condition',
      label: 'StringLike aws:PrincipalTag/team',
      outcome: 'match',
      reason: 'condition-matched',
      detail: { policyValues: ['da*'], requestValues: ['data'] },
      children: [],
    })
  })

  it('reports an error outcome when the operator is unknown', () => {
    const test = conditionTest('StringSortOf', 'k', 'v')
    const result = compileConditionTest(test, '2012-10-17')(contextOf({ k: 'v' }), true)
    expect(result.errors.map((e) => e.code)).toEqual(['condition-operator-unknown'])
    expect(conditionTraceNode(test, result)).toMatchObject({ outcome: 'error', reason: 'operator-unknown' })
  })
})
