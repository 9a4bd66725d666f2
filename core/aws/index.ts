/**
 * The public API of core/aws: the AWS engine (IAM policy simulator), the IAM client, live principal
 * resolution and snapshots of an account, known divergence causes, and the permissions all of it
 * needs. Account snapshot files themselves are read by core/aws/snapshot.
 * @module
 */
export { type AwsEngine, type AwsEngineOptions, type AwsEngineStats, createAwsEngine } from './aws-engine.ts'
export { type BatchItem, type PlannedCall, planCalls } from './batching.ts'
export { contextKeyType, type KeyInfoLookup, spellKey, toContextEntries } from './context-entries.ts'
export {
  DIVERGENCE_CAUSES,
  type DivergenceCause,
  explainDivergence,
  POSSIBLY_AUTO_FILLED_KEYS,
} from './divergence-causes.ts'
export { createIamClient, IAM_DEFAULT_REGION, type IamClientOptions } from './iam-client.ts'
export {
  type AccountReadOptions,
  entityTypesFor,
  fetchAuthorizationDetails,
  fetchLiveAccount,
  LIVE_ACCOUNT_NAME,
  type RawAuthorizationDetails,
  snapshotOfDetails,
} from './live-account.ts'
export { reportStatements, sourcePolicyOf, statementAt } from './matched-statements.ts'
export {
  AWS_PERMISSIONS,
  type AwsPermission,
  callerPolicyJson,
  SIMULATOR_PERMISSIONS,
} from './permissions.ts'
export {
  type CheckPlan,
  NO_IDENTITY_POLICY,
  type PlanOptions,
  planCheck,
  type SentPolicy,
  type Simulation,
  type SimulatorApi,
  withAccountPath,
} from './plan-check.ts'
export { policyJson } from './policy-json.ts'
export { decisionFor, indexResults, type ResultIndex } from './read-results.ts'
export {
  awsErrorText,
  backoffDelay,
  errorCodeOf,
  httpStatusOf,
  isRetryable,
  RETRYABLE_CODES,
  type RetryOptions,
  withRetry,
} from './retry.ts'
export { createSemaphore, type Semaphore } from './semaphore.ts'
export { type CallOutcome, MAX_ITEMS_LIMIT, requestOf, runCall } from './simulate-call.ts'
export { hasWildcard, MAX_SCP_LEVELS, SKIP_REASONS, type SkipCode, skipCodeOf } from './skip-reasons.ts'
export { fetchSnapshot, writeSnapshot } from './write-snapshot.ts'
