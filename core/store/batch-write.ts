/**
 * BatchWriteItem in chunks of 25 with retries of UnprocessedItems (exponential backoff with jitter), as
 * DynamoDB asks. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 * @module
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'

type Requests = NonNullable<BatchWriteCommandInput['RequestItems']>[string]

/** Items per BatchWriteItem call (the API's maximum) */
export const BATCH_SIZE = 25

/** A put or delete request of a batch */
export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } }

const MAX_ATTEMPTS = 8

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Writes every request, 25 per call, in order of chunks, retrying unprocessed ones; returns the call count */
export const batchWriteAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<number> => {
  let calls = 0
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    let pending: WriteRequest[] = requests.slice(start, start + BATCH_SIZE)
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(
          `batch write left ${pending.length} unprocessed item(s) after ${MAX_ATTEMPTS} attempts`,
        )
      if (attempt > 0) await sleep(Math.random() * Math.min(2000, 25 * 2 ** attempt))
      calls += 1
      const out = await client.send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: pending as Requests },
        }),
      )
      pending = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[]
    }
  }
  return calls
}
