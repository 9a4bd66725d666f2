/**
 * Runs, without transactions. createRun writes the invisible items first (the sweeper's active marker and
 * the suite's index entry, both ignored while the run item is missing), then the run item, then the suite
 * head's lastRun pointer. Status changes are single conditional updates; slices are counted once each with
 * `ADD` guarded by a set of counted slice indexes, so a retried slice never counts twice.
 * @module
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { CheckResult } from '../suite/report-types.ts'
import { batchWriteAll } from './batch-write.ts'
import { byteLength } from './item-size.ts'
import {
  ACTIVE_GSI_PK,
  activeKey,
  checkId,
  MAX_SLICE_INDEX,
  regressionPageKey,
  runKey,
  runRefKey,
  runsGsiPk,
  suiteHeadKey,
} from './keys.ts'
import {
  ConflictError,
  type FinishRunInput,
  InvalidInputError,
  NotFoundError,
  type RunDetailRecord,
  type RunInput,
  type RunRecord,
  type SliceRecorded,
} from './repository.ts'
import { packPages } from './result-pages.ts'
import { writeSlicePages } from './result-store.ts'
import { isFinal, toRun } from './run-item.ts'
import { getItem, type Item, isConditionFailed, nowIso, type StoreContext } from './store-context.ts'
import { getHead } from './suite-store.ts'
import { TABLE_KEYS } from './table.ts'

const STATUS = { '#status': 'status' }
const UNFINISHED = { ':queued': 'queued', ':running': 'running' }
const INLINE_REGRESSIONS_BYTES = 64 * 1024

/** Why a conditional run update failed: the run is missing, or final */
const explainFailure = async (ctx: StoreContext, teamId: string, runId: string): Promise<Item> => {
  const item = await getItem(ctx, runKey(teamId, runId))
  if (item === undefined) throw new NotFoundError(`no run \`${runId}\``)
  return item
}

/** Creates a queued run of a suite */
export const createRun = async (ctx: StoreContext, teamId: string, input: RunInput): Promise<RunRecord> => {
  const head = await getHead(ctx, teamId, input.suiteId)
  if (head === undefined) throw new NotFoundError(`no suite \`${input.suiteId}\``)
  const suiteVersion = input.suiteVersion ?? Number(head.version)
  if (!Number.isInteger(suiteVersion) || suiteVersion < 1 || suiteVersion > Number(head.version))
    throw new NotFoundError(`suite \`${input.suiteId}\` has no version ${suiteVersion}`)
  const slices = input.slices ?? 1
  if (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICE_INDEX + 1)
    throw new InvalidInputError(`invalid slice count \`${slices}\``)
  const runId = ctx.newId()
  const createdAt = nowIso(ctx)
  const gen = String(head.gen)
  await Promise.all([
    ctx.client.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...activeKey(teamId, runId),
          type: 'active',
          teamId,
          runId,
          [TABLE_KEYS.gsi.pk]: ACTIVE_GSI_PK,
          [TABLE_KEYS.gsi.sk]: runId,
        },
      }),
    ),
    ctx.client.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...runRefKey(teamId, input.suiteId, runId), type: 'runRef', teamId, runId, suiteGen: gen },
      }),
    ),
  ])
  const item: Item = {
    ...runKey(teamId, runId),
    type: 'run',
    teamId,
    runId,
    suiteId: input.suiteId,
    suiteVersion,
    suiteGen: gen,
    status: 'queued',
    trigger: input.trigger,
    engines: [...input.engines],
    createdAt,
    slices,
    slicesDone: 0,
    [TABLE_KEYS.gsi.pk]: runsGsiPk(teamId),
    [TABLE_KEYS.gsi.sk]: runId,
  }
  await ctx.client.send(
    new PutCommand({ TableName: ctx.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
  )
  try {
    await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: suiteHeadKey(teamId, input.suiteId),
        UpdateExpression: 'SET lastRunId = :run',
        ConditionExpression: 'gen = :gen AND (attribute_not_exists(lastRunId) OR lastRunId < :run)',
        ExpressionAttributeValues: { ':run': runId, ':gen': gen },
      }),
    )
  } catch (error) {
    // the suite was deleted meanwhile, or a newer run already points there: the pointer stays
    if (!isConditionFailed(error)) throw error
  }
  return toRun(item)
}

/** queued -> running */
export const markRunning = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
  options: { readonly slices?: number } = {},
): Promise<RunRecord> => {
  const { slices } = options
  if (slices !== undefined && (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICE_INDEX + 1))
    throw new InvalidInputError(`invalid slice count \`${slices}\``)
  try {
    const out = await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: runKey(teamId, runId),
        UpdateExpression: `SET #status = :running, startedAt = :at${slices === undefined ? '' : ', slices = :slices'}`,
        ConditionExpression: '#status = :queued',
        ExpressionAttributeNames: STATUS,
        ExpressionAttributeValues: {
          ...UNFINISHED,
          ':at': nowIso(ctx),
          ...(slices === undefined ? {} : { ':slices': slices }),
        },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return toRun(out.Attributes ?? {})
  } catch (error) {
    if (!isConditionFailed(error)) throw error
    const run = toRun(await explainFailure(ctx, teamId, runId))
    if (run.status === 'running') return run
    throw new ConflictError(`run \`${runId}\` is ${run.status}`)
  }
}

/** Writes a slice's pages, then counts the slice once */
export const recordSlice = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
  sliceIndex: number,
  results: readonly CheckResult[],
): Promise<SliceRecorded> => {
  if (!Number.isInteger(sliceIndex) || sliceIndex < 0 || sliceIndex > MAX_SLICE_INDEX)
    throw new InvalidInputError(`invalid slice index \`${sliceIndex}\``)
  const before = await getItem(ctx, runKey(teamId, runId))
  if (before === undefined) throw new NotFoundError(`no run \`${runId}\``)
  if (isFinal(toRun(before).status)) throw new ConflictError(`run \`${runId}\` is ${String(before.status)}`)
  await writeSlicePages(ctx, teamId, runId, sliceIndex, results)
  try {
    const out = await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: runKey(teamId, runId),
        UpdateExpression: 'ADD slicesDone :one, doneSlices :slice',
        ConditionExpression: '#status IN (:queued, :running) AND NOT contains(doneSlices, :index)',
        ExpressionAttributeNames: STATUS,
        ExpressionAttributeValues: {
          ...UNFINISHED,
          ':one': 1,
          ':slice': new Set([sliceIndex]),
          ':index': sliceIndex,
        },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return { run: toRun(out.Attributes ?? {}), firstTime: true }
  } catch (error) {
    if (!isConditionFailed(error)) throw error
    const run = toRun(await explainFailure(ctx, teamId, runId))
    if (isFinal(run.status)) throw new ConflictError(`run \`${runId}\` is ${run.status}`)
    return { run, firstTime: false }
  }
}

/** Ends a run once */
export const finishRun = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
  input: FinishRunInput,
): Promise<RunDetailRecord> => {
  checkId('run id', runId)
  const regressions = [...(input.regressions ?? [])]
  const inline = byteLength(JSON.stringify(regressions)) <= INLINE_REGRESSIONS_BYTES
  let regressionPages = 0
  if (!inline) {
    // immutable pages first, keyed by page number, so a retried finish overwrites them
    const pages = packPages(regressions, ctx.pageBudgetBytes)
    regressionPages = pages.length
    await batchWriteAll(
      ctx.client,
      ctx.tableName,
      pages.map((page, index) => ({
        PutRequest: {
          Item: {
            ...regressionPageKey(teamId, runId, index),
            type: 'regressions',
            page: index,
            regressions: page.json,
          },
        },
      })),
    )
  }
  const sets: Record<string, unknown> = {
    ':final': input.status,
    ':at': nowIso(ctx),
    ...(input.summary === undefined ? {} : { ':summary': input.summary }),
    ...(input.error === undefined ? {} : { ':error': input.error }),
    ...(input.previousRunId === undefined ? {} : { ':prev': input.previousRunId }),
    ...(inline ? { ':regressions': regressions } : { ':pages': regressionPages }),
  }
  const assignments = [
    '#status = :final',
    'finishedAt = :at',
    ...(input.summary === undefined ? [] : ['summary = :summary']),
    ...(input.error === undefined ? [] : ['#error = :error']),
    ...(input.previousRunId === undefined ? [] : ['previousRunId = :prev']),
    ...(inline ? ['regressions = :regressions'] : ['regressionPages = :pages']),
  ]
  let item: Item
  try {
    const out = await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: runKey(teamId, runId),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ConditionExpression: '#status IN (:queued, :running)',
        ExpressionAttributeNames: { ...STATUS, ...(input.error === undefined ? {} : { '#error': 'error' }) },
        ExpressionAttributeValues: { ...UNFINISHED, ...sets },
        ReturnValues: 'ALL_NEW',
      }),
    )
    item = out.Attributes ?? {}
  } catch (error) {
    if (!isConditionFailed(error)) throw error
    const run = toRun(await explainFailure(ctx, teamId, runId))
    throw new ConflictError(`run \`${runId}\` is already ${run.status}`)
  }
  await ctx.client
    .send(new DeleteCommand({ TableName: ctx.tableName, Key: activeKey(teamId, runId) }))
    .catch(() => {})
  return { ...toRun(item), regressions }
}
