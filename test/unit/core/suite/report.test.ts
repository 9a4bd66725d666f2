import { describe, expect, it } from 'vitest'
import type { Check } from '../../../../core/suite/check.ts'
import type { EngineResult } from '../../../../core/suite/engine.ts'
import {
  buildCheckResult,
  buildReport,
  meetsExpectation,
  mergeReports,
} from '../../../../core/suite/report.ts'
import type { Expectation } from '../../../../core/suite/types.ts'

const check = (expected: Expectation = 'allowed'): Check => ({
  id: '0',
  suite: 's',
  case: 'c',
  caseIndex: 0,
  principal: 'arn:aws:iam::111122223333:user/u',
  policySource: 'suite',
  action: 's3:GetObject',
  resource: '*',
  expected,
  context: new Map(),
  identity: undefined,
  resourceModel: undefined,
  via: [],
})

const decided = (decision: 'allowed' | 'explicitDeny' | 'implicitDeny'): EngineResult => ({
  decision,
  matchedStatements: [],
  missingContextKeys: [],
})

describe('meetsExpectation', () => {
  it.each([
    ['allowed', 'allowed', true],
    ['allowed', 'implicitDeny', false],
    ['denied', 'explicitDeny', true],
    ['denied', 'implicitDeny', true],
    ['denied', 'allowed', false],
    ['explicitDeny', 'explicitDeny', true],
    ['explicitDeny', 'implicitDeny', false],
    ['implicitDeny', 'implicitDeny', true],
    ['implicitDeny', 'explicitDeny', false],
  ] as const)('judges `%s` against `%s` as %s', (expected, decision, ok) => {
    expect(meetsExpectation(expected, decision)).toBe(ok)
  })
})

describe('buildCheckResult', () => {
  it('writes the report fields in the contract order when the check passed', () => {
    const result = buildCheckResult(check(), { local: decided('allowed'), aws: decided('allowed') }, 'local')
    expect(Object.keys(result)).toEqual([
      'suite',
      'case',
      'principal',
      'action',
      'resource',
      'expected',
      'local',
      'aws',
      'status',
      'divergent',
    ])
    expect(result.status).toBe('passed')
  })

  it('fails a check when the judging engine disagrees with expect', () => {
    expect(buildCheckResult(check('explicitDeny'), { local: decided('implicitDeny') }, 'local').status).toBe(
      'failed',
    )
  })

  it('marks a divergence without hiding a pass when both engines decided differently', () => {
    const result = buildCheckResult(
      check(),
      { local: decided('allowed'), aws: decided('implicitDeny') },
      'local',
      () => 'simulator-no-scp',
    )
    expect(result).toMatchObject({ status: 'passed', divergent: true, divergenceCause: 'simulator-no-scp' })
  })

  it('is not divergent when the AWS engine skipped the check', () => {
    const result = buildCheckResult(
      check(),
      { local: decided('allowed'), aws: { skipped: 'role chain' } },
      'local',
    )
    expect(result).toMatchObject({ status: 'passed', divergent: false, aws: { skipped: 'role chain' } })
  })

  it('judges on AWS when only AWS ran', () => {
    expect(buildCheckResult(check('denied'), { aws: decided('implicitDeny') }, 'aws')).toMatchObject({
      status: 'passed',
    })
    expect(buildCheckResult(check('denied'), { aws: decided('implicitDeny') }, 'aws').local).toBeUndefined()
  })

  it('is an error with the reason when the judging engine skipped the check', () => {
    expect(buildCheckResult(check(), { aws: { skipped: 'a session policy' } }, 'aws')).toMatchObject({
      status: 'error',
      message: 'aws: cannot evaluate this check: a session policy',
    })
  })

  it('is an error naming the engine when an engine could not evaluate the check', () => {
    const result = buildCheckResult(
      check(),
      { local: decided('allowed'), aws: { error: 'throttled after 5 retries' } },
      'local',
    )
    expect(result).toMatchObject({
      status: 'error',
      message: 'aws: throttled after 5 retries',
      divergent: false,
    })
    expect(result.aws).toBeUndefined()
  })
})

describe('buildReport', () => {
  it('counts statuses, divergences and skipped checks', () => {
    const results = [
      buildCheckResult(check(), { local: decided('allowed'), aws: decided('implicitDeny') }, 'local'),
      buildCheckResult(check('denied'), { local: decided('allowed') }, 'local'),
      buildCheckResult(check(), { local: { error: 'x' } }, 'local'),
    ]
    expect(buildReport(results, 2).summary).toEqual({
      total: 3,
      passed: 1,
      failed: 1,
      errors: 1,
      divergent: 1,
      skipped: 2,
    })
    expect(buildReport(results).summary).not.toHaveProperty('skipped')
  })

  it('adds up results and skipped counts when reports are merged', () => {
    const one = buildReport([buildCheckResult(check(), { local: decided('allowed') }, 'local')], 1)
    expect(mergeReports([one, one]).summary).toEqual({
      total: 2,
      passed: 2,
      failed: 0,
      errors: 0,
      divergent: 0,
      skipped: 2,
    })
  })
})
