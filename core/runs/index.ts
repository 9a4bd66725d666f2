/**
 * The public API of core/runs: run orchestration (start, process a slice, close, sweep), the queue
 * abstraction and its local and SQS implementations, slicing, regressions and the what-if.
 * @module
 */
export { closeRun, MAX_STORED_REGRESSIONS, readAllResults } from './close-run.ts'
export {
  AWS_ENGINE_UNAVAILABLE,
  type AwsEngineFactory,
  type EngineSelection,
  enginesFor,
  judgeName,
  unavailableEngine,
} from './engines.ts'
export { InvalidSuiteError, TooManyChecksError } from './errors.ts'
export { evaluateNow } from './evaluate-now.ts'
export { expandStored, loadSuiteText, type StoredSuiteText, storedFileName } from './expansion.ts'
export { failRun } from './fail-run.ts'
export { createLocalQueue, type LocalQueue, type LocalQueueOptions } from './local-queue.ts'
export { processSlice, type SliceOutcome } from './process-slice.ts'
export { formatSliceMessage, parseSliceMessage, type RunQueue, type SliceMessage } from './queue.ts'
export {
  checkIdentity,
  findRegressions,
  judgedDecision,
  type RegressionKind,
  type RegressionOptions,
  regressionKind,
} from './regressions.ts'
export { DEFAULT_MAX_RUN_CHECKS, type RunDeps } from './run-deps.ts'
export { DEFAULT_SLICE_SIZE, planSlices, type SlicePlan, sliceOf } from './slices.ts'
export { createSqsQueue, type SqsBatchEntry, type SqsBatchFailure, type SqsBatchSender } from './sqs-queue.ts'
export { type StartRunInput, startRun } from './start-run.ts'
export { DEFAULT_RUN_DEADLINE_MS, sweepStaleRuns } from './sweep.ts'
export { loadWithReplacedPolicies } from './what-if.ts'
