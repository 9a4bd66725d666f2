/**
 * The services on AWS: DynamoDB through the document client, the run queue on SQS, the admin token
 * from the config, the local engine (and the AWS engine once one is plugged into `enginesFor`).
 * @module
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import {
  createSqsQueue,
  enginesFor,
  type RunQueue,
  type SqsBatchFailure,
  type SqsBatchSender,
} from '../../core/runs/index.ts'
import { createDynamoRepository } from '../../core/store/index.ts'
import { adminTokenHash, runQueueUrl, tableName } from './config.ts'
import { catalogKeyTypes } from './key-types.ts'
import type { Services } from './services.ts'

/**
 * An SQS sender from `@aws-sdk/client-sqs`, loaded by name at first use. The package is not a
 * dependency yet: add `@aws-sdk/client-sqs@3.1169.0` (the Lambda Node.js runtimes also ship it)
 */
const sqsSender = async (): Promise<SqsBatchSender> => {
  const specifier = '@aws-sdk/client-sqs'
  const sdk = (await import(specifier)) as {
    SQSClient: new () => { send(command: unknown): Promise<{ Failed?: SqsBatchFailure[] }> }
    SendMessageBatchCommand: new (input: unknown) => unknown
  }
  const client = new sdk.SQSClient()
  return {
    sendMessageBatch: async (input) => client.send(new sdk.SendMessageBatchCommand(input)),
  }
}

/** A queue that resolves its URL and client on first use (the worker and sweeper never send) */
const lazySqsQueue = (): RunQueue => {
  let queue: Promise<RunQueue> | undefined
  return {
    enqueue: async (messages) => {
      queue ??= Promise.all([runQueueUrl(), sqsSender()]).then(([queueUrl, sender]) =>
        createSqsQueue({ queueUrl, sender }),
      )
      return (await queue).enqueue(messages)
    },
  }
}

/** Builds the AWS services from the config */
export const createAwsServices = async (): Promise<Services> => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}))
  const repo = createDynamoRepository({ client, tableName: await tableName() })
  const admin = await adminTokenHash()
  return {
    repo,
    queue: lazySqsQueue(),
    enginesFor: (run) => enginesFor(run),
    keyTypes: catalogKeyTypes,
    log: (line) => console.log(line),
    ...(admin ? { adminTokenHash: admin } : {}),
  }
}
