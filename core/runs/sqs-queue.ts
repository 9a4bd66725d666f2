/**
 * The SQS run queue: slices sent with SendMessageBatch (10 per call), retrying entries SQS refused.
 * Written against a minimal sender so this module needs no SQS client package; functions/ builds
 * the sender from `@aws-sdk/client-sqs`.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 * @module
 */
import { formatSliceMessage, type RunQueue, type SliceMessage } from './queue.ts'

/** One entry of a SendMessageBatch call */
export interface SqsBatchEntry {
  readonly Id: string
  readonly MessageBody: string
}

/** An entry SQS did not accept */
export interface SqsBatchFailure {
  readonly Id?: string
  readonly Message?: string
  readonly SenderFault?: boolean
}

/** The one SQS call the queue needs (the shape of `SQSClient.send(new SendMessageBatchCommand(…))`) */
export interface SqsBatchSender {
  sendMessageBatch(input: {
    readonly QueueUrl: string
    readonly Entries: readonly SqsBatchEntry[]
  }): Promise<{ readonly Failed?: readonly SqsBatchFailure[] }>
}

/** SQS accepts at most 10 messages per batch */
const BATCH = 10

/** Creates a RunQueue on an SQS queue */
export const createSqsQueue = (options: {
  readonly queueUrl: string
  readonly sender: SqsBatchSender
  /** Calls per batch before giving up on refused entries; default 3 */
  readonly attempts?: number
}): RunQueue => {
  const attempts = Math.max(1, options.attempts ?? 3)
  const sendBatch = async (messages: readonly SliceMessage[]): Promise<void> => {
    let entries: SqsBatchEntry[] = messages.map((m, i) => ({
      Id: String(i),
      MessageBody: formatSliceMessage(m),
    }))
    for (let attempt = 1; entries.length > 0; attempt++) {
      const answer = await options.sender.sendMessageBatch({ QueueUrl: options.queueUrl, Entries: entries })
      const failed = answer.Failed ?? []
      if (failed.length === 0) return
      const permanent = failed.find((f) => f.SenderFault)
      if (permanent || attempt >= attempts) {
        const why = (permanent ?? failed[0])?.Message ?? 'unknown reason'
        throw new Error(`sqs refused ${failed.length} run slice messages: ${why}`)
      }
      const retry = new Set(failed.map((f) => f.Id))
      entries = entries.filter((e) => retry.has(e.Id))
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt))
    }
  }
  return {
    enqueue: async (messages) => {
      for (let i = 0; i < messages.length; i += BATCH) await sendBatch(messages.slice(i, i + BATCH))
    },
  }
}
