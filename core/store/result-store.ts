/**
 * Check results in pages. A slice's pages are keyed by slice index and page number, so a retried slice
 * overwrites its pages instead of adding to them; pages left over from an earlier, longer attempt are
 * deleted. Reads page through the run's pages in key order (slice, then page), skipping expired pages.
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { CheckResult } from '../suite/report-types.ts'
import { batchWriteAll, type WriteRequest } from './batch-write.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'
import { MAX_PAGES, PAGE_PREFIX, resultPageKey, runPk, slicePagePrefix } from './keys.ts'
import type { ListResultsOptions, Page } from './repository.ts'
import { InvalidInputError } from './repository.ts'
import { packPages, unpackPage } from './result-pages.ts'
import { isLive, pageLimit, type StoreContext } from './store-context.ts'
import { TABLE_KEYS } from './table.ts'

/** What writing a slice cost */
export interface SliceWrite {
  readonly pages: number
  readonly batchCalls: number
}

/** Writes one slice's result pages (overwriting an earlier attempt) and deletes leftover pages */
export const writeSlicePages = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
  sliceIndex: number,
  results: readonly CheckResult[],
): Promise<SliceWrite> => {
  const pages = packPages(results, ctx.pageBudgetBytes)
  if (pages.length > MAX_PAGES) throw new InvalidInputError(`a slice of ${pages.length} pages is too large`)
  const expiresAt =
    ctx.resultTtlSeconds === undefined
      ? undefined
      : Math.floor(ctx.now().getTime() / 1000) + ctx.resultTtlSeconds
  const puts: WriteRequest[] = pages.map((page, index) => ({
    PutRequest: {
      Item: {
        ...resultPageKey(teamId, runId, sliceIndex, index),
        type: 'results',
        slice: sliceIndex,
        page: index,
        count: page.count,
        results: page.json,
        ...(expiresAt === undefined ? {} : { [TABLE_KEYS.ttl]: expiresAt }),
      },
    },
  }))
  let batchCalls = await batchWriteAll(ctx.client, ctx.tableName, puts)
  // pages beyond this attempt's count can only come from an earlier attempt with more results
  const leftover = await ctx.client.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: {
        ':p': runPk(teamId, runId),
        ':lo': resultPageKey(teamId, runId, sliceIndex, pages.length).sk,
        ':hi': `${slicePagePrefix(sliceIndex)}\uffff`,
      },
      ProjectionExpression: 'pk, sk',
    }),
  )
  const deletes: WriteRequest[] = (leftover.Items ?? []).map((item) => ({
    DeleteRequest: { Key: { pk: item.pk, sk: item.sk } },
  }))
  if (deletes.length > 0) batchCalls += await batchWriteAll(ctx.client, ctx.tableName, deletes)
  return { pages: pages.length, batchCalls }
}

interface ResultCursor {
  /** Sort key of the page to resume in */
  readonly s: string
  /** Index of the first result of that page not yet returned */
  readonly o: number
}

const isResultCursor = (value: unknown): value is ResultCursor =>
  typeof value === 'object' &&
  value !== null &&
  's' in value &&
  'o' in value &&
  typeof value.s === 'string' &&
  value.s.startsWith(PAGE_PREFIX) &&
  Number.isInteger(value.o) &&
  Number(value.o) >= 0

const PAGES_PER_QUERY = 2

/** A run's results in slice order, filtered, `limit` at a time */
export const listResults = async (
  ctx: StoreContext,
  teamId: string,
  runId: string,
  options: ListResultsOptions = {},
): Promise<Page<CheckResult>> => {
  const limit = pageLimit(options.limit, 500, 2000)
  const start = options.cursor === undefined ? undefined : decodeCursor(options.cursor, isResultCursor)
  const keep = (r: CheckResult): boolean =>
    (options.status === undefined || r.status === options.status) &&
    (options.divergent === undefined || r.divergent === options.divergent)
  const items: CheckResult[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const out = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':p': runPk(teamId, runId),
          ':lo': start?.s ?? PAGE_PREFIX,
          ':hi': `${PAGE_PREFIX}\uffff`,
        },
        Limit: PAGES_PER_QUERY,
        ExclusiveStartKey: startKey,
      }),
    )
    const pages = out.Items ?? []
    for (const [p, page] of pages.entries()) {
      if (!isLive(ctx, page) || typeof page.results !== 'string') continue
      const results = unpackPage(page.results)
      const from = start !== undefined && page.sk === start.s ? start.o : 0
      for (let i = from; i < results.length; i++) {
        if (!keep(results[i]!)) continue
        items.push(results[i]!)
        if (items.length === limit) {
          const atEnd =
            i === results.length - 1 && p === pages.length - 1 && out.LastEvaluatedKey === undefined
          return atEnd ? { items } : { items, cursor: encodeCursor({ s: String(page.sk), o: i + 1 }) }
        }
      }
    }
    startKey = out.LastEvaluatedKey
  } while (startKey !== undefined)
  return { items }
}
