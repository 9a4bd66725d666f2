/**
 * Suites and their versions, without transactions. A version item is immutable and written first (its key
 * carries a fresh write id, so it can never overwrite anything); the head is flipped last with a condition
 * on the write id it was read with (optimistic locking). A crash between the two leaves an orphan version
 * that no read reaches: reads follow the head's write id and each version's `prevWriteId` chain. A suite
 * deleted and created again gets a new incarnation (`gen`), so old versions stay unreachable.
 * @module
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { checkId, runKey, suiteHeadKey, suitesPk, versionKey } from './keys.ts'
import {
  ConflictError,
  type ListSuitesOptions,
  NotFoundError,
  type Page,
  type SuiteDetailRecord,
  type SuiteFormat,
  type SuiteInput,
  type SuiteRecord,
  type SuiteWithLastRun,
} from './repository.ts'
import { toRun } from './run-item.ts'
import {
  batchGetAll,
  collectQuery,
  getItem,
  type Item,
  isConditionFailed,
  nowIso,
  pageLimit,
  type StoreContext,
} from './store-context.ts'
import { bodyAttributes, readBody } from './suite-body.ts'

const toSuite = (item: Item): SuiteRecord => ({
  teamId: String(item.teamId),
  id: String(item.suiteId),
  version: Number(item.version),
  ...(typeof item.description === 'string' ? { description: item.description } : {}),
  tags: Array.isArray(item.tags) ? item.tags.map(String) : [],
  format: item.format as SuiteFormat,
  createdAt: String(item.createdAt),
  updatedAt: String(item.updatedAt),
  ...(typeof item.lastRunId === 'string' ? { lastRunId: item.lastRunId } : {}),
})

/** Writes an immutable version item; its key is new, so the condition only guards against id reuse */
const putVersion = async (
  ctx: StoreContext,
  teamId: string,
  input: SuiteInput,
  head: { gen: string; version: number; writeId: string; prevWriteId?: string },
  createdAt: string,
): Promise<void> => {
  await ctx.client.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: {
        ...versionKey(teamId, input.id, head.gen, head.version, head.writeId),
        type: 'version',
        teamId,
        suiteId: input.id,
        gen: head.gen,
        version: head.version,
        writeId: head.writeId,
        ...(head.prevWriteId === undefined ? {} : { prevWriteId: head.prevWriteId }),
        format: input.format,
        createdAt,
        ...bodyAttributes(input.body),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** Removes a version item that lost its race (best effort: an orphan is unreachable anyway) */
const dropOrphan = async (
  ctx: StoreContext,
  teamId: string,
  suiteId: string,
  gen: string,
  version: number,
  writeId: string,
) => {
  try {
    await ctx.client.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: versionKey(teamId, suiteId, gen, version, writeId),
      }),
    )
  } catch {
    // unreachable either way
  }
}

const withLastRun = async (ctx: StoreContext, heads: Item[]): Promise<SuiteWithLastRun[]> => {
  const keys = heads.flatMap((h) =>
    typeof h.lastRunId === 'string' ? [runKey(String(h.teamId), h.lastRunId)] : [],
  )
  const runs = keys.length === 0 ? new Map<string, Item>() : await batchGetAll(ctx, keys)
  return heads.map((h) => {
    const suite = toSuite(h)
    if (suite.lastRunId === undefined) return suite
    const key = runKey(suite.teamId, suite.lastRunId)
    const run = runs.get(`${key.pk}|${key.sk}`)
    return run === undefined ? suite : { ...suite, lastRun: toRun(run) }
  })
}

/** The current head item of a suite */
export const getHead = (ctx: StoreContext, teamId: string, suiteId: string): Promise<Item | undefined> =>
  getItem(ctx, suiteHeadKey(teamId, suiteId))

const detail = async (ctx: StoreContext, head: Item): Promise<SuiteDetailRecord | undefined> => {
  const version = versionKey(
    String(head.teamId),
    String(head.suiteId),
    String(head.gen),
    Number(head.version),
    String(head.writeId),
  )
  const found = await batchGetAll(ctx, [version])
  const item = found.get(`${version.pk}|${version.sk}`)
  if (item === undefined) return undefined
  const [suite] = await withLastRun(ctx, [head])
  return { ...suite!, body: readBody(item) }
}

/** Creates a suite at version 1 */
export const createSuite = async (
  ctx: StoreContext,
  teamId: string,
  input: SuiteInput,
): Promise<SuiteDetailRecord> => {
  checkId('suite id', input.id)
  const at = nowIso(ctx)
  const head = { gen: ctx.newId(), version: 1, writeId: ctx.newId() }
  await putVersion(ctx, teamId, input, head, at)
  const item: Item = {
    ...suiteHeadKey(teamId, input.id),
    type: 'suite',
    teamId,
    suiteId: input.id,
    ...head,
    ...(input.description === undefined ? {} : { description: input.description }),
    tags: [...(input.tags ?? [])],
    format: input.format,
    createdAt: at,
    updatedAt: at,
  }
  try {
    await ctx.client.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
  } catch (error) {
    if (!isConditionFailed(error)) throw error
    await dropOrphan(ctx, teamId, input.id, head.gen, 1, head.writeId)
    throw new ConflictError(`suite \`${input.id}\` exists`)
  }
  return { ...toSuite(item), body: input.body }
}

/** The suite with its current body, or undefined */
export const getSuite = async (
  ctx: StoreContext,
  teamId: string,
  suiteId: string,
): Promise<SuiteDetailRecord | undefined> => {
  const head = await getHead(ctx, teamId, suiteId)
  return head === undefined ? undefined : detail(ctx, head)
}

/** The team's suites by id, optionally with one tag */
export const listSuites = async (
  ctx: StoreContext,
  teamId: string,
  options: ListSuitesOptions = {},
): Promise<Page<SuiteWithLastRun>> => {
  const partition = suitesPk(teamId)
  const { items, cursor } = await collectQuery(
    ctx,
    {
      KeyConditionExpression: 'pk = :p',
      ...(options.tag === undefined
        ? { ExpressionAttributeValues: { ':p': partition } }
        : {
            FilterExpression: 'contains(tags, :tag)',
            ExpressionAttributeValues: { ':p': partition, ':tag': options.tag },
          }),
    },
    pageLimit(options.limit, 50, 1000),
    options.cursor,
    { pk: partition },
  )
  return { items: await withLastRun(ctx, items), ...(cursor === undefined ? {} : { cursor }) }
}

/** Stores version `expectedVersion + 1` and flips the head to it */
export const updateSuite = async (
  ctx: StoreContext,
  teamId: string,
  input: SuiteInput,
  expectedVersion: number,
): Promise<SuiteDetailRecord> => {
  const head = await getHead(ctx, teamId, input.id)
  if (head === undefined) throw new NotFoundError(`no suite \`${input.id}\``)
  if (Number(head.version) !== expectedVersion)
    throw new ConflictError(`suite \`${input.id}\` is at version ${head.version}, not ${expectedVersion}`)
  const at = nowIso(ctx)
  const next = {
    gen: String(head.gen),
    version: expectedVersion + 1,
    writeId: ctx.newId(),
    prevWriteId: String(head.writeId),
  }
  await putVersion(ctx, teamId, input, next, at)
  const hasDescription = input.description !== undefined
  try {
    const out = await ctx.client.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: suiteHeadKey(teamId, input.id),
        UpdateExpression:
          'SET #version = :v, #writeId = :w, #tags = :t, #format = :f, #updatedAt = :at' +
          (hasDescription ? ', #description = :d' : ' REMOVE #description'),
        ConditionExpression: '#writeId = :prev AND #version = :expected',
        ExpressionAttributeNames: {
          '#version': 'version',
          '#writeId': 'writeId',
          '#tags': 'tags',
          '#format': 'format',
          '#updatedAt': 'updatedAt',
          '#description': 'description',
        },
        ExpressionAttributeValues: {
          ':v': next.version,
          ':w': next.writeId,
          ':t': [...(input.tags ?? [])],
          ':f': input.format,
          ':at': at,
          ':prev': next.prevWriteId,
          ':expected': expectedVersion,
          ...(hasDescription ? { ':d': input.description } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    )
    const [suite] = await withLastRun(ctx, [out.Attributes ?? {}])
    return { ...suite!, body: input.body }
  } catch (error) {
    if (!isConditionFailed(error)) throw error
    await dropOrphan(ctx, teamId, input.id, next.gen, next.version, next.writeId)
    if ((await getHead(ctx, teamId, input.id)) === undefined)
      throw new NotFoundError(`no suite \`${input.id}\``)
    throw new ConflictError(
      `suite \`${input.id}\` was changed by someone else (expected version ${expectedVersion})`,
    )
  }
}

/** Deletes a suite's head; its versions become unreachable */
export const deleteSuite = async (ctx: StoreContext, teamId: string, suiteId: string): Promise<void> => {
  try {
    await ctx.client.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: suiteHeadKey(teamId, suiteId),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    )
  } catch (error) {
    if (isConditionFailed(error)) throw new NotFoundError(`no suite \`${suiteId}\``)
    throw error
  }
}
