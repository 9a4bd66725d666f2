/**
 * The least-privilege IAM permissions of each Lambda function, as plain data: action lists and builders
 * that place them on ARNs. infra/ passes the builders deploy-time ARNs (`Output<string>`); the dogfood
 * suite (examples/iamspec-service.iamspec.yaml) and the tests pass example strings and turn them into
 * IAM policy documents with `toPolicyDocument`, so the suite tests exactly what is deployed.
 *
 * Besides these, SST attaches AWSLambdaBasicExecutionRole (CloudWatch Logs) to every function role, and
 * `sst dev` (never a deployed stage) adds its live-mode permissions. The SQS consume actions of the worker
 * are the ones SST adds for a queue subscriber; they are listed here too so the model is the whole role.
 * @module
 */

/** A condition of a statement, in SST's form (`{ test: "StringLike", variable: "s3:prefix", values }`) */
export interface PermissionCondition {
  test: string
  variable: string
  values: string[]
}

/** One statement of a function's role: Allow `actions` on `resources` (SST `FunctionPermissionArgs`) */
export interface Permission<Arn> {
  actions: string[]
  /** ARNs, or `*` for actions that have no resource type */
  resources: (Arn | '*')[]
  /** All must hold */
  conditions?: PermissionCondition[]
}

/** The ARNs the permissions are placed on; `Arn` is a string here and a deploy-time output in infra/ */
export interface ServiceArns<Arn> {
  /** The table */
  readonly table: Arn
  /** The table's GSI (`<table arn>/index/gsi1`) */
  readonly tableIndex: Arn
  /** The run queue */
  readonly runQueue: Arn
  /** Every role of the account (`arn:aws:iam::<account>:role/*`) */
  readonly accountRoles: Arn
  /** Every user of the account */
  readonly accountUsers: Arn
  /** Every group of the account */
  readonly accountGroups: Arn
  /** Every customer managed policy of the account */
  readonly accountPolicies: Arn
  /** Every AWS managed policy (`arn:aws:iam::aws:policy/*`) */
  readonly awsManagedPolicies: Arn
}

/*
 * Table actions, from the store calls each function makes (core/store/*-store.ts through core/runs/*):
 * - API: teams, tokens, suites and versions (Put, Get, BatchGet, Update, Delete, Query), starting a run
 *   (createRun: Put, Update) and failing one that cannot be queued (finishRun: Update, Delete), reading
 *   runs and results (Get, Query; listRuns reads the GSI). No BatchWriteItem: the API writes no pages.
 * - worker (processSlice, closeRun): getRun, markRunning, getSuiteVersion, recordSlice (BatchWrite of
 *   result pages, Query), getPreviousCompletedRun (Query, BatchGet), finishRun (Update, BatchWrite of
 *   large regressions, Delete of the active-run marker). No PutItem and no GSI.
 * - sweeper (sweepStaleRuns): listStaleRuns (GSI Query, BatchGet of the runs, Delete of stale markers),
 *   finishRun (Update, Delete of the marker, Get to explain a lost race).
 * Conditional writes need no extra action: the condition is part of PutItem/UpdateItem.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html
 */

/** The API's table actions */
export const API_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
]

/** The run worker's table actions (its DeleteItem is `MARKER_DELETE_ACTIONS`) */
export const WORKER_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
]

/** The sweeper's table actions (its DeleteItem is `MARKER_DELETE_ACTIONS`) */
export const SWEEPER_TABLE_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem']

/** Actions on the GSI: only queries read an index (an index cannot be written) */
export const INDEX_ACTIONS = ['dynamodb:Query']

/** Deleting the active-run markers, the only items the worker and the sweeper delete one by one */
export const MARKER_DELETE_ACTIONS = ['dynamodb:DeleteItem']

/**
 * The partition keys of active-run markers (`T#<team>#ACTIVE`, core/store/keys.ts `activeKey`; team ids
 * never contain `#`). The worker and the sweeper may delete items in these partitions and nowhere else.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
export const ACTIVE_MARKER_PARTITIONS = ['T#*#ACTIVE']

/** Limits a statement to items whose partition key matches one of the patterns */
export const leadingKeysLike = (patterns: readonly string[]): PermissionCondition => ({
  test: 'ForAllValues:StringLike',
  variable: 'dynamodb:LeadingKeys',
  values: [...patterns],
})

/** The API enqueues run slices (SendMessageBatch is authorized as sqs:SendMessage) */
export const API_QUEUE_ACTIONS = ['sqs:SendMessage']

/**
 * What an SQS event source mapping needs on its queue, exactly the set SST grants a queue subscriber
 * (platform/src/components/aws/queue-lambda-subscriber.ts); Lambda's own minimum is Receive, Delete and
 * GetQueueAttributes. https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const WORKER_QUEUE_ACTIONS = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
]

/**
 * The worker's IAM calls that have no resource type, so only `*` works: the simulator on policy
 * documents, and reading the account's principals and policies for the local engine (core/aws/
 * live-account.ts reads the account with GetAccountAuthorizationDetails, not entity by entity).
 */
export const WORKER_IAM_ACCOUNT_ACTIONS = ['iam:GetAccountAuthorizationDetails', 'iam:SimulateCustomPolicy']

/**
 * The worker's IAM calls that name a principal or a policy: simulating a principal of the account, and
 * reading a managed policy no principal has attached (GetPolicy, then its default version). Limited to the
 * service's own account plus AWS managed policies (IAM ARNs carry no region).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
export const WORKER_IAM_ENTITY_ACTIONS = [
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  'iam:SimulatePrincipalPolicy',
]

/** The API function's role: its table (and GSI) and sending to the run queue; nothing in IAM */
export const apiPermissions = <Arn>(arns: ServiceArns<Arn>): Permission<Arn>[] => [
  { actions: [...API_TABLE_ACTIONS], resources: [arns.table] },
  { actions: [...INDEX_ACTIONS], resources: [arns.tableIndex] },
  { actions: [...API_QUEUE_ACTIONS], resources: [arns.runQueue] },
]

/** The run worker's role: its table, consuming the run queue, the simulator and read-only IAM */
export const workerPermissions = <Arn>(arns: ServiceArns<Arn>): Permission<Arn>[] => [
  { actions: [...WORKER_TABLE_ACTIONS], resources: [arns.table] },
  {
    actions: [...MARKER_DELETE_ACTIONS],
    resources: [arns.table],
    conditions: [leadingKeysLike(ACTIVE_MARKER_PARTITIONS)],
  },
  { actions: [...WORKER_QUEUE_ACTIONS], resources: [arns.runQueue] },
  { actions: [...WORKER_IAM_ACCOUNT_ACTIONS], resources: ['*'] },
  {
    actions: [...WORKER_IAM_ENTITY_ACTIONS],
    resources: [
      arns.accountRoles,
      arns.accountUsers,
      arns.accountGroups,
      arns.accountPolicies,
      arns.awsManagedPolicies,
    ],
  },
]

/** The sweeper's role: find unfinished runs (GSI), read them, mark them failed, drop their markers */
export const sweeperPermissions = <Arn>(arns: ServiceArns<Arn>): Permission<Arn>[] => [
  { actions: [...SWEEPER_TABLE_ACTIONS], resources: [arns.table] },
  {
    actions: [...MARKER_DELETE_ACTIONS],
    resources: [arns.table],
    conditions: [leadingKeysLike(ACTIVE_MARKER_PARTITIONS)],
  },
  { actions: [...INDEX_ACTIONS], resources: [arns.tableIndex] },
]

/** The three function roles and their builders */
export const FUNCTION_PERMISSIONS = {
  api: apiPermissions,
  runWorker: workerPermissions,
  runSweeper: sweeperPermissions,
} as const

/** A function role's name in FUNCTION_PERMISSIONS */
export type FunctionRole = keyof typeof FUNCTION_PERMISSIONS

/** Where a stage's resources are, for example ARNs */
export interface StageLocation {
  readonly partition: string
  readonly region: string
  readonly account: string
  /** Physical name of the table */
  readonly tableName: string
  /** Physical name of the run queue */
  readonly runQueueName: string
}

/** The ARNs of a stage as strings (the dogfood suite, tests) */
export const serviceArnsOf = (at: StageLocation): ServiceArns<string> => {
  const table = `arn:${at.partition}:dynamodb:${at.region}:${at.account}:table/${at.tableName}`
  const iam = `arn:${at.partition}:iam::${at.account}`
  return {
    table,
    tableIndex: `${table}/index/gsi1`,
    runQueue: `arn:${at.partition}:sqs:${at.region}:${at.account}:${at.runQueueName}`,
    accountRoles: `${iam}:role/*`,
    accountUsers: `${iam}:user/*`,
    accountGroups: `${iam}:group/*`,
    accountPolicies: `${iam}:policy/*`,
    awsManagedPolicies: `arn:${at.partition}:iam::aws:policy/*`,
  }
}

/** One statement of an identity policy */
export interface PolicyStatement {
  readonly Effect: 'Allow'
  readonly Action: readonly string[]
  readonly Resource: readonly string[]
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>
}

/** An IAM identity policy document */
export interface PolicyDocument {
  readonly Version: '2012-10-17'
  readonly Statement: readonly PolicyStatement[]
}

const conditionBlock = (
  conditions: readonly PermissionCondition[],
): NonNullable<PolicyStatement['Condition']> => {
  const block: Record<string, Record<string, string[]>> = {}
  for (const c of conditions) {
    block[c.test] = { ...block[c.test], [c.variable]: [...c.values] }
  }
  return block
}

/** The identity policy a permission set becomes on the function's role (as SST writes it, without Sids) */
export const toPolicyDocument = (permissions: readonly Permission<string>[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: permissions.map((p) => ({
    Effect: 'Allow',
    Action: [...p.actions],
    Resource: [...p.resources],
    ...(p.conditions && p.conditions.length > 0 ? { Condition: conditionBlock(p.conditions) } : {}),
  })),
})

/**
 * The managed policy SST attaches to every function role (CloudWatch Logs), as AWS publishes it.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html
 */
export const LAMBDA_BASIC_EXECUTION_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: ['*'],
    },
  ],
}
