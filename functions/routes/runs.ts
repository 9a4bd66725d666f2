/**
 * Run routes: start a run (asynchronous: 202 with the queued run), list runs, read one with its
 * regressions, and page through its results.
 * @module
 */
import { startRun } from '../../core/runs/index.ts'
import { type EngineName, NotFoundError, type Trigger } from '../../core/store/repository.ts'
import { readJsonBody } from '../http/body.ts'
import { BadRequestError, fieldIssue, unknownKeyIssues } from '../http/errors.ts'
import {
  booleanParam,
  choiceParam,
  opaqueIdParam,
  pageParams,
  queryParam,
  suiteIdParam,
} from '../http/query.ts'
import { cacheBody, cachedBody } from '../http/response-cache.ts'
import { teamRoute } from '../http/route.ts'
import { runDetail, runSummaryItem } from '../http/shapes.ts'
import { json } from '../http/types.ts'

const ENGINES: readonly EngineName[] = ['local', 'aws']
const TRIGGERS: readonly Trigger['kind'][] = ['manual', 'api', 'webhook', 'schedule', 'iam-change']

/** Parses `{ engines?, trigger? }` */
const runOptionsOf = (value: unknown): { engines: EngineName[]; trigger: Trigger } => {
  if (value === undefined) return { engines: ['local'], trigger: { kind: 'api' } }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(
      'expected `{ "engines"?: [...], "trigger"?: {...} }`',
      fieldIssue('', 'expected an object'),
    )
  }
  const { engines, trigger, ...rest } = value as Record<string, unknown>
  const issues = unknownKeyIssues(Object.keys(rest))
  let chosen: EngineName[] = ['local']
  if (engines !== undefined) {
    const ok =
      Array.isArray(engines) &&
      engines.length > 0 &&
      engines.every((e) => (ENGINES as readonly unknown[]).includes(e)) &&
      new Set(engines).size === engines.length
    if (ok) chosen = engines as EngineName[]
    else
      issues.push(...fieldIssue('engines', 'expected a non-empty list of distinct engines: `local`, `aws`'))
  }
  let kind: Trigger = { kind: 'api' }
  if (trigger !== undefined) {
    const t = trigger as Record<string, unknown> | null
    const valid =
      typeof t === 'object' &&
      t !== null &&
      !Array.isArray(t) &&
      (TRIGGERS as readonly unknown[]).includes(t.kind) &&
      (t.detail === undefined || (typeof t.detail === 'string' && t.detail.length <= 500)) &&
      Object.keys(t).every((k) => k === 'kind' || k === 'detail')
    if (valid)
      kind = {
        kind: t.kind as Trigger['kind'],
        ...(t.detail !== undefined ? { detail: t.detail as string } : {}),
      }
    else
      issues.push(
        ...fieldIssue(
          'trigger',
          `expected \`{ "kind": ${TRIGGERS.map((k) => `"${k}"`).join(' | ')}, "detail"?: string }\``,
        ),
      )
  }
  if (issues.length > 0) throw new BadRequestError('invalid run options', issues)
  return { engines: chosen, trigger: kind }
}

/** `POST /suites/{id}/runs`: stores a queued run and queues its slices */
export const createRun = teamRoute(async (event, { teamId, services }) => {
  const suiteId = suiteIdParam(event)
  const options = runOptionsOf(readJsonBody(event, { optional: true }))
  return json(202, runSummaryItem(await startRun(services, teamId, suiteId, options)))
})

/** `GET /runs?suiteId=&cursor=&limit=`, newest first */
export const listRuns = teamRoute(async (event, { teamId, services }) => {
  const suiteId = queryParam(event, 'suiteId')
  const page = await services.repo.listRuns(teamId, {
    ...pageParams(event, { limit: 50, max: 200 }),
    ...(suiteId ? { suiteId } : {}),
  })
  return json(200, { items: page.items.map(runSummaryItem), ...(page.cursor ? { cursor: page.cursor } : {}) })
})

const isFinal = (status: string): boolean => status === 'completed' || status === 'failed'

/** A JSON answer from a cached body */
const cachedJson = (body: string) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body,
})

/** `GET /runs/{id}` with its regressions (a finished run is served from the response cache) */
export const getRun = teamRoute(async (event, { teamId, services }) => {
  const id = opaqueIdParam(event, 'run')
  const key = `run:${id}`
  const hit = cachedBody(teamId, key)
  if (hit !== undefined) return cachedJson(hit)
  const run = await services.repo.getRunDetail(teamId, id)
  if (!run) throw new NotFoundError(`run \`${id}\` not found`)
  const answer = json(200, runDetail(run))
  if (isFinal(run.status)) cacheBody(teamId, key, answer.body!)
  return answer
})

/** `GET /runs/{id}/results?status=&divergent=&cursor=&limit=` */
export const listResults = teamRoute(async (event, { teamId, services }) => {
  const id = opaqueIdParam(event, 'run')
  const status = choiceParam(event, 'status', ['passed', 'failed', 'error'] as const)
  const divergent = booleanParam(event, 'divergent')
  const paging = pageParams(event, { limit: 500, max: 2000 })
  const key = `results:${id}:${status ?? ''}:${divergent ?? ''}:${paging.limit}:${paging.cursor ?? ''}`
  const hit = cachedBody(teamId, key)
  if (hit !== undefined) return cachedJson(hit)
  const run = await services.repo.getRun(teamId, id)
  if (!run) throw new NotFoundError(`run \`${id}\` not found`)
  const page = await services.repo.listResults(teamId, id, {
    ...paging,
    ...(status ? { status } : {}),
    ...(divergent !== undefined ? { divergent } : {}),
  })
  const answer = json(200, { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) })
  if (isFinal(run.status)) cacheBody(teamId, key, answer.body!)
  return answer
})
