/**
 * Runs on AWS (architecture.md "Data flow of a run"): the API stores a run and enqueues its slices on the
 * run queue; the worker (functions/run-worker.ts) evaluates one slice per message and the last slice closes
 * the run. A slice that fails `RUN_QUEUE_MAX_RECEIVES` times moves to the dead-letter queue, and the
 * sweeper (functions/run-sweeper.ts, every 5 minutes) marks runs that stopped moving as failed.
 * @module
 */
import { FUNCTION_DEFAULTS, WITH_IAM_CATALOG } from './function-defaults.ts'
import { type ServiceArns, sweeperPermissions, workerPermissions } from './permissions.ts'
import { FUNCTION_ENV, HANDLERS, RESOURCE_NAMES } from './resource-names.ts'

/** The worker's timeout, in seconds: one slice, simulator calls with retries and backoff included */
export const RUN_WORKER_TIMEOUT_SECONDS = 120

/**
 * How long a received slice stays invisible: six times the worker's timeout, as AWS recommends for an
 * SQS event source. https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const RUN_QUEUE_VISIBILITY_SECONDS = 6 * RUN_WORKER_TIMEOUT_SECONDS

/** Receives of a slice before it moves to the dead-letter queue */
export const RUN_QUEUE_MAX_RECEIVES = 3

/** Worker invocations at once: keeps the account's IAM API rate (the simulator) from being exhausted */
export const RUN_WORKER_MAX_CONCURRENCY = 5

/**
 * Minutes a run may stay queued or running before the sweeper fails it: well past the longest a slice can
 * keep coming back (`RUN_QUEUE_MAX_RECEIVES` visibility timeouts, 36 minutes) plus time waiting in the queue
 */
export const RUN_DEADLINE_MINUTES = 60

/** The sweeper's schedule */
export const RUN_SWEEPER_SCHEDULE = 'rate(5 minutes)'

/** The run queue and its dead-letter queue */
export interface RunQueues {
  readonly queue: sst.aws.Queue
  readonly deadLetterQueue: sst.aws.Queue
}

/** Creates the run queue with its dead-letter queue (kept 4 days, SQS's default retention) */
export const createRunQueues = (): RunQueues => {
  const deadLetterQueue = new sst.aws.Queue(RESOURCE_NAMES.runDeadLetterQueue)
  const queue = new sst.aws.Queue(RESOURCE_NAMES.runQueue, {
    visibilityTimeout: `${RUN_QUEUE_VISIBILITY_SECONDS} seconds`,
    dlq: { queue: deadLetterQueue.arn, retry: RUN_QUEUE_MAX_RECEIVES },
  })
  return { queue, deadLetterQueue }
}

/** Subscribes the worker to the run queue: one slice per invocation, failures reported per message */
export const subscribeRunWorker = (
  queues: RunQueues,
  table: sst.aws.Dynamo,
  arns: ServiceArns<$util.Output<string>>,
): void => {
  queues.queue.subscribe(
    {
      ...FUNCTION_DEFAULTS,
      ...WITH_IAM_CATALOG,
      handler: HANDLERS.runWorker,
      description: 'iamspec: evaluates one slice of a run',
      timeout: `${RUN_WORKER_TIMEOUT_SECONDS} seconds`,
      memory: '1024 MB',
      permissions: workerPermissions(arns),
      environment: { [FUNCTION_ENV.tableName]: table.name, [FUNCTION_ENV.stage]: $app.stage },
    },
    {
      batch: { size: 1, partialResponses: true },
      transform: {
        eventSourceMapping: { scalingConfig: { maximumConcurrency: RUN_WORKER_MAX_CONCURRENCY } },
      },
    },
  )
}

/** Runs the sweeper every 5 minutes */
export const createRunSweeper = (
  table: sst.aws.Dynamo,
  arns: ServiceArns<$util.Output<string>>,
): sst.aws.Cron =>
  new sst.aws.Cron(RESOURCE_NAMES.runSweeper, {
    schedule: RUN_SWEEPER_SCHEDULE,
    function: {
      ...FUNCTION_DEFAULTS,
      handler: HANDLERS.runSweeper,
      description: 'iamspec: marks stuck runs failed',
      timeout: '60 seconds',
      memory: '256 MB',
      permissions: sweeperPermissions(arns),
      environment: {
        [FUNCTION_ENV.tableName]: table.name,
        [FUNCTION_ENV.runDeadlineMinutes]: String(RUN_DEADLINE_MINUTES),
        [FUNCTION_ENV.stage]: $app.stage,
      },
    },
  })
