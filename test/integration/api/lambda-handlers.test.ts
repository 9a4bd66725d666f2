import type { SQSEvent } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesFor, type SliceMessage, startRun } from '../../../core/runs/index.ts'
import { createDynamoRepository, type Repository } from '../../../core/store/index.ts'
import { handler as api } from '../../../functions/api.ts'
import type { ApiEvent, ApiResult } from '../../../functions/http/types.ts'
import { handler as sweeper } from '../../../functions/run-sweeper.ts'
import { handler as worker } from '../../../functions/run-worker.ts'
import { hashToken } from '../../../functions/services/tokens.ts'
import type { DynamoBackend } from '../../support/dynamo/backend.ts'
import { startDynalite } from '../../support/dynamo/dynalite.ts'
import { bucketSuite } from './suite-texts.ts'

const ADMIN = `isp_${'a'.repeat(43)}`

/** An API Gateway v2 event as AWS sends it (no local apiId registered: the handler builds its AWS services) */
const event = (method: string, path: string, body?: unknown, token?: string): ApiEvent =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    requestContext: { apiId: 'aws-api', http: { method, path } },
    ...(body ? { body: JSON.stringify(body) } : {}),
    isBase64Encoded: false,
  }) as unknown as ApiEvent

const call = async (e: ApiEvent): Promise<{ status: number; body: Record<string, unknown> }> => {
  const result = (await api(e, {} as never)) as ApiResult
  return { status: result.statusCode ?? 0, body: result.body ? JSON.parse(result.body) : {} }
}

describe('the lambda handlers on their aws configuration', () => {
  let backend: DynamoBackend
  let repo: Repository
  const saved = { ...process.env }

  beforeAll(async () => {
    backend = await startDynalite()
    const tableName = await backend.createTable()
    Object.assign(process.env, {
      IAMSPEC_TABLE_NAME: tableName,
      IAMSPEC_ADMIN_TOKEN_HASH: hashToken(ADMIN),
      AWS_ENDPOINT_URL_DYNAMODB: backend.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    })
    repo = createDynamoRepository({ client: backend.doc, tableName })
  })
  afterAll(async () => {
    process.env = saved
    await backend.stop()
  })

  it('serves the api from the environment config with header names in any case', async () => {
    expect(await call(event('GET', '/health'))).toMatchObject({ status: 200, body: { ok: true } })
    const team = await call(event('POST', '/admin/teams', { name: 'aws' }, ADMIN))
    expect(team.status).toBe(201)
    const token = await call(event('POST', `/admin/teams/${team.body.id}/tokens`, { name: 'ci' }, ADMIN))
    expect(token.status).toBe(201)
    const suites = await call(event('GET', '/suites', undefined, token.body.token as string))
    expect(suites).toEqual({ status: 200, body: { items: [] } })
  })

  it('evaluates slices from sqs records and reports only the failed ones', async () => {
    const team = await repo.createTeam({ name: 'worker' })
    await repo.createSuite(team.id, { id: 'w', body: bucketSuite('w'), format: 'yaml', tags: [] })
    const sent: SliceMessage[] = []
    const deps = {
      repo,
      queue: { enqueue: async (m: readonly SliceMessage[]) => void sent.push(...m) },
      enginesFor: enginesFor,
      sliceSize: 4,
    }
    const run = await startRun(deps, team.id, 'w', { engines: ['local'], trigger: { kind: 'api' } })
    const records = [
      ...sent.map((m, i) => ({ messageId: `m${i}`, body: JSON.stringify(m) })),
      { messageId: 'junk', body: 'not a slice' },
    ]
    const answer = await worker({ Records: records } as unknown as SQSEvent)
    expect(answer.batchItemFailures).toEqual([])
    expect(await repo.getRun(team.id, run.id)).toMatchObject({ status: 'completed', summary: { total: 10 } })
  })

  it('fails runs older than the deadline when the sweeper runs', async () => {
    const team = await repo.createTeam({ name: 'sweeper' })
    await repo.createSuite(team.id, { id: 's', body: bucketSuite('s'), format: 'yaml', tags: [] })
    const run = await repo.createRun(team.id, {
      suiteId: 's',
      trigger: { kind: 'schedule' },
      engines: ['local'],
    })
    process.env.IAMSPEC_RUN_DEADLINE_MINUTES = '0.0001'
    await new Promise((resolve) => setTimeout(resolve, 50))
    const answer = await sweeper()
    expect(answer.swept).toBeGreaterThanOrEqual(1)
    expect(await repo.getRun(team.id, run.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('did not finish'),
    })
  })
})
