/**
 * What every part of the DynamoDB repository shares: the injected client, the table name, the clock and id
 * source, plus the read helpers (expired items read as absent: emulators never delete TTL'd items, and
 * DynamoDB itself only within days, so every read filters `expiresAt` itself).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
 * @module
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { decodeCursor, encodeCursor, isStringKey } from './cursor.ts'
import type { ItemKey } from './keys.ts'
import { InvalidInputError } from './repository.ts'
import { TABLE_KEYS } from './table.ts'

/** A stored item as the document client returns it */
export type Item = Record<string, unknown>

/** Dependencies of the repository functions */
export interface StoreContext {
  readonly client: DynamoDBDocumentClient
  readonly tableName: string
  /** The clock (injectable for tests of TTL filtering) */
  readonly now: () => Date
  /** Sortable id source for teams, runs and suite incarnations */
  readonly newId: () => string
  /** Lifetime of result pages, or undefined to keep them */
  readonly resultTtlSeconds: number | undefined
  /** JSON budget of one result page */
  readonly pageBudgetBytes: number
}

/** The current time as an ISO string */
export const nowIso = (ctx: StoreContext): string => ctx.now().toISOString()

/** True unless the item's TTL has passed */
export const isLive = (ctx: StoreContext, item: Item): boolean => {
  const expiresAt = item[TABLE_KEYS.ttl]
  return typeof expiresAt !== 'number' || expiresAt * 1000 > ctx.now().getTime()
}

/** True for the error of a failed ConditionExpression */
export const isConditionFailed = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException'

/** Reads one live item (strongly consistent) */
export const getItem = async (ctx: StoreContext, key: ItemKey): Promise<Item | undefined> => {
  const out = await ctx.client.send(
    new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }),
  )
  return out.Item !== undefined && isLive(ctx, out.Item) ? out.Item : undefined
}

/** Reads many live items (100 keys per call, retrying unprocessed keys); answers by `pk|sk` */
export const batchGetAll = async (
  ctx: StoreContext,
  keys: readonly ItemKey[],
): Promise<Map<string, Item>> => {
  const found = new Map<string, Item>()
  for (let start = 0; start < keys.length; start += 100) {
    let pending: Record<string, unknown>[] = keys.slice(start, start + 100)
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)))
      if (attempt > 8) throw new Error(`batch get left ${pending.length} unprocessed key(s)`)
      const out = await ctx.client.send(
        new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: pending, ConsistentRead: true } } }),
      )
      for (const item of out.Responses?.[ctx.tableName] ?? [])
        if (isLive(ctx, item)) found.set(`${item.pk}|${item.sk}`, item)
      pending = out.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []
    }
  }
  return found
}

/** Clamps a page size */
export const pageLimit = (limit: number | undefined, fallback: number, max: number): number => {
  if (limit === undefined) return fallback
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputError(`invalid limit \`${limit}\``)
  return Math.min(limit, max)
}

/** Decodes a LastEvaluatedKey cursor and checks it belongs to the partition being read */
export const decodeKeyCursor = (
  cursor: string | undefined,
  partition: Readonly<Record<string, string>>,
): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined
  const key = decodeCursor(cursor, isStringKey)
  for (const [name, value] of Object.entries(partition))
    if (key[name] !== value) throw new InvalidInputError('invalid cursor')
  return key
}

/** A query's collected items and where to continue */
export interface Collected {
  readonly items: Item[]
  readonly cursor?: string
}

/**
 * Runs a query page by page until `limit` items pass `keep` (or the partition ends). Each call asks for at
 * most the number still missing, so no evaluated item is skipped and the cursor (the last LastEvaluatedKey)
 * resumes exactly after the last item returned. `keep` may drop items (expired, orphaned); `expand` may turn
 * evaluated items into others (index entries into runs).
 */
export const collectQuery = async (
  ctx: StoreContext,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  limit: number,
  cursor: string | undefined,
  partition: Readonly<Record<string, string>>,
  expand: (items: Item[]) => Promise<Item[]> = async (items) => items,
): Promise<Collected> => {
  const items: Item[] = []
  let startKey: Record<string, unknown> | undefined = decodeKeyCursor(cursor, partition)
  do {
    const out = await ctx.client.send(
      new QueryCommand({
        ...input,
        TableName: ctx.tableName,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    )
    const live = (out.Items ?? []).filter((item) => isLive(ctx, item))
    items.push(...(await expand(live)))
    startKey = out.LastEvaluatedKey
  } while (startKey !== undefined && items.length < limit)
  return startKey === undefined ? { items } : { items, cursor: encodeCursor(startKey) }
}

/** Pages through one partition of the GSI (`gsi1pk` = partition), oldest first unless `newestFirst` */
export const collectGsiPartition = (
  ctx: StoreContext,
  partition: string,
  limit: number,
  cursor: string | undefined,
  newestFirst = false,
): Promise<Collected> =>
  collectQuery(
    ctx,
    {
      IndexName: TABLE_KEYS.gsi.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': TABLE_KEYS.gsi.pk },
      ExpressionAttributeValues: { ':p': partition },
      ...(newestFirst ? { ScanIndexForward: false } : {}),
    },
    limit,
    cursor,
    { [TABLE_KEYS.gsi.pk]: partition },
  )
