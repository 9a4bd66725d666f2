/**
 * Reading a suite's versions. Only committed versions are visible: the walk starts at the head's write id and
 * follows each version's `prevWriteId`, so orphans (a crash between the version write and the head flip, or
 * a lost race whose clean-up failed) are skipped even when they share a version number.
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { decodeCursor, encodeCursor } from './cursor.ts'
import { suitePk, versionSkPrefix } from './keys.ts'
import {
  InvalidInputError,
  type Page,
  type PageOptions,
  type SuiteFormat,
  type SuiteVersionRecord,
} from './repository.ts'
import { type Item, isLive, pageLimit, type StoreContext } from './store-context.ts'
import { readBody } from './suite-body.ts'
import { getHead } from './suite-store.ts'

const toVersion = (item: Item): SuiteVersionRecord => ({
  version: Number(item.version),
  createdAt: String(item.createdAt),
  format: item.format as SuiteFormat,
  body: readBody(item),
})

interface VersionCursor {
  readonly k: Record<string, string>
  readonly w: string
}

const isVersionCursor = (value: unknown): value is VersionCursor =>
  typeof value === 'object' && value !== null && 'k' in value && 'w' in value && typeof value.w === 'string'

/**
 * Walks the committed chain from the head downwards: an item counts only when its write id is the one the
 * newer version (or the head) points to, so orphans of crashed or lost writes are skipped
 */
const walkVersions = async (
  ctx: StoreContext,
  head: Item,
  limit: number,
  start: VersionCursor | undefined,
  lowest = 1,
): Promise<{ items: Item[]; cursor?: VersionCursor }> => {
  const teamId = String(head.teamId)
  const suiteId = String(head.suiteId)
  const gen = String(head.gen)
  const pk = suitePk(teamId, suiteId)
  let expected: string | undefined = start?.w ?? String(head.writeId)
  let startKey: Record<string, unknown> | undefined = start?.k
  if (startKey !== undefined && startKey.pk !== pk) throw new InvalidInputError('invalid cursor')
  const items: Item[] = []
  do {
    const out = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':p': pk,
          ':lo': versionSkPrefix(gen, lowest),
          ':hi': `${versionSkPrefix(gen, Number(head.version))}\uffff`,
        },
        ScanIndexForward: false,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of out.Items ?? []) {
      if (item.writeId !== expected || !isLive(ctx, item)) continue
      items.push(item)
      expected = typeof item.prevWriteId === 'string' ? item.prevWriteId : undefined
    }
    startKey = out.LastEvaluatedKey
  } while (startKey !== undefined && expected !== undefined && items.length < limit)
  if (startKey === undefined || expected === undefined) return { items }
  return { items, cursor: { k: startKey as Record<string, string>, w: expected } }
}

/** A suite's versions, newest first */
export const listSuiteVersions = async (
  ctx: StoreContext,
  teamId: string,
  suiteId: string,
  options: PageOptions = {},
): Promise<Page<SuiteVersionRecord>> => {
  const head = await getHead(ctx, teamId, suiteId)
  if (head === undefined) return { items: [] }
  const start = options.cursor === undefined ? undefined : decodeCursor(options.cursor, isVersionCursor)
  const { items, cursor } = await walkVersions(ctx, head, pageLimit(options.limit, 50, 500), start)
  return { items: items.map(toVersion), ...(cursor === undefined ? {} : { cursor: encodeCursor(cursor) }) }
}

/** One version of a suite, or undefined */
export const getSuiteVersion = async (
  ctx: StoreContext,
  teamId: string,
  suiteId: string,
  version: number,
): Promise<SuiteVersionRecord | undefined> => {
  const head = await getHead(ctx, teamId, suiteId)
  if (head === undefined || !Number.isInteger(version) || version < 1 || version > Number(head.version))
    return undefined
  const out = await ctx.client.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':p': suitePk(teamId, suiteId),
        ':prefix': versionSkPrefix(String(head.gen), version),
      },
    }),
  )
  const candidates = (out.Items ?? []).filter((item) => isLive(ctx, item))
  const chosen =
    version === Number(head.version)
      ? candidates.find((item) => item.writeId === head.writeId)
      : candidates.length === 1
        ? candidates[0]
        : // orphans share this number: follow the chain down from the head (rare: a crash or a lost race)
          (await walkVersions(ctx, head, Number(head.version) - version + 1, undefined, version)).items.at(-1)
  return chosen === undefined || Number(chosen.version) !== version ? undefined : toVersion(chosen)
}
