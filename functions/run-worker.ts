/**
 * The run worker Lambda (SQS): each record is one slice of a run. Evaluates it, records it, and closes
 * the run when it was the last slice. Failed records are reported individually (partial batch
 * response: the event source mapping needs `ReportBatchItemFailures`), so SQS retries only them; a
 * slice that keeps failing goes to the dead-letter queue and the sweeper fails its run.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 * @module
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { parseSliceMessage, processSlice } from '../core/runs/index.ts'
import { awsServices } from './services/services.ts'

/** The SQS handler */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const services = await awsServices()
  const failures: SQSBatchResponse['batchItemFailures'] = []
  for (const record of event.Records) {
    const message = parseSliceMessage(record.body)
    if (!message) {
      console.error(`dropping a message that is not a run slice: ${record.messageId}`)
      continue
    }
    try {
      const outcome = await processSlice(services, message)
      console.log(`run ${message.runId} slice ${message.slice}: ${outcome}`)
    } catch (error) {
      console.error(`run ${message.runId} slice ${message.slice} failed`, error)
      failures.push({ itemIdentifier: record.messageId })
    }
  }
  return { batchItemFailures: failures }
}
