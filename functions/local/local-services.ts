/**
 * The local server's services: the DynamoDB repository on dynalite, and an in-process run queue whose
 * worker is the same `processSlice` the SQS Lambda runs. A slice that fails every attempt fails its run.
 * @module
 */
import {
  type AwsEngineFactory,
  createLocalQueue,
  enginesFor,
  failRun,
  type LocalQueue,
  processSlice,
} from '../../core/runs/index.ts'
import type { Repository } from '../../core/store/repository.ts'
import { catalogKeyTypes } from '../services/key-types.ts'
import type { Services } from '../services/services.ts'

/** How to build the local services */
export interface LocalServicesOptions {
  readonly repo: Repository
  readonly adminTokenHash: string
  readonly log: (line: string) => void
  /** Slices evaluated at once; default 2 */
  readonly concurrency?: number
  /** Checks per slice; default DEFAULT_SLICE_SIZE */
  readonly sliceSize?: number
  /** The AWS engine, when this process can use one */
  readonly awsEngine?: AwsEngineFactory
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Builds the services and the queue that serves them */
export const createLocalServices = (
  options: LocalServicesOptions,
): { readonly services: Services; readonly queue: LocalQueue } => {
  const { repo, log } = options
  const queue: LocalQueue = createLocalQueue({
    concurrency: options.concurrency ?? 2,
    process: async (message) => {
      await processSlice(services, message)
    },
    onFailure: async (message, error) => {
      log(`run ${message.runId} slice ${message.slice} failed: ${messageOf(error)}`)
      await failRun(
        services,
        message.teamId,
        message.runId,
        `slice ${message.slice} failed: ${messageOf(error)}`,
      )
    },
  })
  const services: Services = {
    repo,
    queue,
    enginesFor: (run) => enginesFor(run, options.awsEngine),
    keyTypes: catalogKeyTypes,
    adminTokenHash: options.adminTokenHash,
    log,
    ...(options.sliceSize ? { sliceSize: options.sliceSize } : {}),
  }
  return { services, queue }
}
