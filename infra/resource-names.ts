/**
 * The names that tie the infrastructure to the code it runs: the SST component names (which are also the
 * keys of SST's `Resource` and the stems of the physical names, `iamspec-<stage>-<Name>…`) and the
 * environment variables through which the Lambda functions learn their table, queue and admin token hash.
 * Plain constants with no imports, so `functions/` (its config module) and tests can import them freely.
 *
 * Why environment variables and not SST `link`: linking a Dynamo or a Queue also grants the function
 * `dynamodb:*` / `sqs:*` on it, which defeats the least-privilege sets of infra/permissions.ts, and reading
 * `Resource.X` needs the `sst` runtime package, which this project does not ship. So nothing is linked.
 * @module
 */

/** SST component names (logical names) of the app's resources */
export const RESOURCE_NAMES = {
  /** The one DynamoDB table (sst.aws.Dynamo) */
  table: 'Table',
  /** The queue of run slices (sst.aws.Queue) */
  runQueue: 'RunQueue',
  /** Where slices go after failing `RUN_QUEUE_MAX_RECEIVES` times (sst.aws.Queue) */
  runDeadLetterQueue: 'RunDeadLetterQueue',
  /** The SHA-256 (hex) of the admin token (sst.Secret) */
  adminTokenHash: 'AdminTokenHash',
  /** The Lambda function behind every HTTP route (sst.aws.Function) */
  apiFunction: 'ApiFunction',
  /** The HTTP API (sst.aws.ApiGatewayV2) */
  api: 'Api',
  /** The schedule of the stuck-run sweeper (sst.aws.Cron; its function is `RunSweeperHandler`) */
  runSweeper: 'RunSweeper',
  /** The dashboard (sst.aws.StaticSite) */
  web: 'Web',
  /** The CloudFront router in front of the dashboard and the API (sst.aws.Router) */
  router: 'Router',
} as const

/** Environment variables the functions read (set by infra/, read by the functions' config module) */
export const FUNCTION_ENV = {
  /** The DynamoDB table's name */
  tableName: 'IAMSPEC_TABLE_NAME',
  /** The run queue's URL (API only: it enqueues run slices) */
  runQueueUrl: 'IAMSPEC_RUN_QUEUE_URL',
  /** The SHA-256 hex of the admin token (API only); a hash, so reading it does not let anyone in */
  adminTokenHash: 'IAMSPEC_ADMIN_TOKEN_HASH',
  /** Minutes a run may stay queued or running before the sweeper fails it (sweeper only) */
  runDeadlineMinutes: 'IAMSPEC_RUN_DEADLINE_MINUTES',
  /** The SST stage (`prod`, `dev`, …), for logs */
  stage: 'IAMSPEC_STAGE',
} as const

/** Names of the environment variables the functions read */
export type FunctionEnvName = (typeof FUNCTION_ENV)[keyof typeof FUNCTION_ENV]

/** Entry points of the Lambda functions, in SST's `<file without extension>.<export>` form */
export const HANDLERS = {
  /** Every HTTP route (a router inside dispatches on method and path) */
  api: 'functions/api.handler',
  /** The SQS consumer that evaluates run slices */
  runWorker: 'functions/run-worker.handler',
  /** The scheduled job that marks stuck runs failed */
  runSweeper: 'functions/run-sweeper.handler',
} as const

/** The Lambda runtime of every function */
export const LAMBDA_RUNTIME = 'nodejs22.x'

/** The index the table's `gsi1pk`/`gsi1sk` keys belong to (its name in ARNs: `<table arn>/index/gsi1`) */
export const TABLE_INDEX_NAME = 'gsi1'
