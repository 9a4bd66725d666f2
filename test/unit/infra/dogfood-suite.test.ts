import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadSuite } from '../../../core/suite/load-suite.ts'
import { runSuite } from '../../../core/suite/run-suite.ts'
import {
  apiPermissions,
  LAMBDA_BASIC_EXECUTION_POLICY,
  serviceArnsOf,
  sweeperPermissions,
  toPolicyDocument,
  workerPermissions,
} from '../../../infra/permissions.ts'

const FILE = fileURLToPath(new URL('../../../examples/iamspec-service.iamspec.yaml', import.meta.url))
const TEXT = readFileSync(FILE, 'utf8')

/** The stage the dogfood suite describes */
const PROD = serviceArnsOf({
  partition: 'aws',
  region: 'us-east-1',
  account: '111122223333',
  tableName: 'iamspec-prod-Table',
  runQueueName: 'iamspec-prod-RunQueue',
})

interface SuiteShape {
  readonly principals: Record<string, { readonly policies: readonly { name: string; document: unknown }[] }>
}

describe('dogfood suite examples/iamspec-service.iamspec.yaml', () => {
  it.each([
    ['api', apiPermissions],
    ['run-worker', workerPermissions],
    ['run-sweeper', sweeperPermissions],
  ] as const)('gives the %s role exactly the policy infra/permissions.ts grants', (principal, build) => {
    const suite = parse(TEXT) as SuiteShape
    expect(suite.principals[principal]?.policies).toEqual([
      { name: 'iamspec', document: toPolicyDocument(build(PROD)) },
      { name: 'AWSLambdaBasicExecutionRole', document: LAMBDA_BASIC_EXECUTION_POLICY },
    ])
  })

  it('models exactly the three function roles', () => {
    expect(Object.keys((parse(TEXT) as SuiteShape).principals)).toEqual(['api', 'run-worker', 'run-sweeper'])
  })

  it('passes every case on the local engine', async () => {
    const loaded = loadSuite(TEXT, { fileName: 'examples/iamspec-service.iamspec.yaml' })
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
    const report = await runSuite(loaded.value)
    const failures = report.results
      .filter((r) => r.status !== 'passed')
      .map((r) => `${r.case}: ${r.action} on ${r.resource} is ${JSON.stringify(r.local)}`)
    expect(failures).toEqual([])
    expect(report.summary.total).toBeGreaterThan(80)
    expect(report.summary).toMatchObject({ failed: 0, errors: 0 })
  })
})
