/**
 * Reading runs: one run (with its regressions), a team's or a suite's runs newest first, the suite's previous
 * completed run, and the sweeper's unfinished runs. Index entries and active markers whose run item is
 * missing (a create that crashed half-way) are never shown.
 * @module
 */
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { idFloor } from './ids.ts'
import {
  ACTIVE_GSI_PK,
  checkId,
  REGRESSION_PREFIX,
  RUN_REF_PREFIX,
  runKey,
  runRefKey,
  runsGsiPk,
  suitePk,
} from './keys.ts'
import {
  InvalidInputError,
  type ListRunsOptions,
  type Page,
  type PageOptions,
  type Regression,
  type RunDetailRecord,
  type RunRecord,
} from './repository.ts'
import { isFinal, toRun } from './run-item.ts'
import {
  batchGetAll,
  collectGsiPartition,
  collectQuery,
  getItem,
  type Item,
  pageLimit,
  type StoreContext,
} from './store-context.ts'
import { getHead } from './suite-store.ts'
import { TABLE_KEYS } from './table.ts'

/** A run, or undefined */
export const getRun = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
): Promise<RunRecord | undefined> => {
  const item = await getItem(ctx, runKey(teamId, runId))
  return item === undefined ? undefined : toRun(item)
}

const regressionsOf = async (ctx: StoreContext, item: Item): Promise<Regression[]> => {
  if (Array.isArray(item.regressions)) return item.regressions as Regression[]
  const pages = Number(item.regressionPages ?? 0)
  if (pages === 0) return []
  const out: Regression[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :g)',
        ExpressionAttributeValues: { ':p': item.pk, ':g': REGRESSION_PREFIX },
        ExclusiveStartKey: startKey,
      }),
    )
    for (const p of page.Items ?? [])
      if (Number(p.page) < pages) out.push(...(JSON.parse(String(p.regressions)) as Regression[]))
    startKey = page.LastEvaluatedKey
  } while (startKey !== undefined)
  return out
}

/** A run with its regressions, or undefined */
export const getRunDetail = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
): Promise<RunDetailRecord | undefined> => {
  const item = await getItem(ctx, runKey(teamId, runId))
  return item === undefined ? undefined : { ...toRun(item), regressions: await regressionsOf(ctx, item) }
}

/** Looks up the run items of a suite's index entries, in order, dropping entries whose run does not exist */
const resolveRefs = async (ctx: StoreContext, teamId: string, refs: Item[]): Promise<Item[]> => {
  const keys = refs.map((ref) => runKey(teamId, String(ref.runId)))
  const found = await batchGetAll(ctx, keys)
  return keys.flatMap((key) => {
    const run = found.get(`${key.pk}|${key.sk}`)
    return run === undefined ? [] : [run]
  })
}

/** The team's runs, or one suite's, newest first */
export const listRuns = async (
  ctx: StoreContext,
  teamId: string,
  options: ListRunsOptions = {},
): Promise<Page<RunRecord>> => {
  const limit = pageLimit(options.limit, 50, 1000)
  if (options.suiteId === undefined) {
    const { items, cursor } = await collectGsiPartition(ctx, runsGsiPk(teamId), limit, options.cursor, true)
    return { items: items.map(toRun), ...(cursor === undefined ? {} : { cursor }) }
  }
  const partition = suitePk(teamId, options.suiteId)
  const { items, cursor } = await collectQuery(
    ctx,
    {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':p': partition, ':r': RUN_REF_PREFIX },
      ScanIndexForward: false,
    },
    limit,
    options.cursor,
    { pk: partition },
    (refs) => resolveRefs(ctx, teamId, refs),
  )
  return { items: items.map(toRun), ...(cursor === undefined ? {} : { cursor }) }
}

/** The suite's newest completed run before `beforeRunId`, of the same suite incarnation */
export const getPreviousCompletedRun = async (
  ctx: StoreContext,
  teamId: string,
  suiteId: string,
  beforeRunId: string,
): Promise<RunRecord | undefined> => {
  checkId('run id', beforeRunId)
  const anchor = (await getItem(ctx, runKey(teamId, beforeRunId))) ?? (await getHead(ctx, teamId, suiteId))
  const gen = anchor === undefined ? undefined : String(anchor.suiteGen ?? anchor.gen)
  let startKey: Record<string, unknown> | undefined
  do {
    const out = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':p': suitePk(teamId, suiteId),
          ':lo': RUN_REF_PREFIX,
          ':hi': runRefKey(teamId, suiteId, beforeRunId).sk,
        },
        ScanIndexForward: false,
        Limit: 25,
        ExclusiveStartKey: startKey,
      }),
    )
    const refs = (out.Items ?? []).filter(
      (ref) => ref.runId !== beforeRunId && (gen === undefined || ref.suiteGen === gen),
    )
    const found = (await resolveRefs(ctx, teamId, refs)).find((run) => run.status === 'completed')
    if (found !== undefined) return toRun(found)
    startKey = out.LastEvaluatedKey
  } while (startKey !== undefined)
  return undefined
}

/** Unfinished runs of every team created before `olderThanIso`, oldest first, via the sparse ACTIVE partition */
export const listStaleRuns = async (
  ctx: StoreContext,
  olderThanIso: string,
  options: PageOptions = {},
): Promise<Page<RunRecord>> => {
  const ms = Date.parse(olderThanIso)
  if (Number.isNaN(ms)) throw new InvalidInputError(`invalid time \`${olderThanIso}\``)
  const resolve = async (markers: Item[]): Promise<Item[]> => {
    const keys = markers.map((m) => runKey(String(m.teamId), String(m.runId)))
    const found = await batchGetAll(ctx, keys)
    const runs: Item[] = []
    for (const [i, key] of keys.entries()) {
      const run = found.get(`${key.pk}|${key.sk}`)
      if (run !== undefined && !isFinal(toRun(run).status)) runs.push(run)
      else {
        // a finish that crashed before removing its marker, or a create that never wrote its run: tidy up
        const marker = markers[i]!
        await ctx.client
          .send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk: marker.pk, sk: marker.sk } }))
          .catch(() => {})
      }
    }
    return runs
  }
  const { items, cursor } = await collectQuery(
    ctx,
    {
      IndexName: TABLE_KEYS.gsi.name,
      KeyConditionExpression: '#p = :p AND #s < :before',
      ExpressionAttributeNames: { '#p': TABLE_KEYS.gsi.pk, '#s': TABLE_KEYS.gsi.sk },
      ExpressionAttributeValues: { ':p': ACTIVE_GSI_PK, ':before': idFloor(ms) },
    },
    pageLimit(options.limit, 100, 1000),
    options.cursor,
    { [TABLE_KEYS.gsi.pk]: ACTIVE_GSI_PK },
    resolve,
  )
  return { items: items.map(toRun), ...(cursor === undefined ? {} : { cursor }) }
}
