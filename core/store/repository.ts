/**
 * The store's contract: record types, the repository interface every adapter (API handlers, the run worker,
 * the sweeper, the local server) programs against, and the typed errors it throws. One implementation
 * exists (dynamo-repository.ts, over an injected DynamoDBDocumentClient); keys are described in keys.ts.
 * @module
 */
import type { CheckResult, CheckStatus, RunSummary } from '../suite/report-types.ts'

/** How a suite body is written */
export type SuiteFormat = 'yaml' | 'json'

/** A run's lifecycle state; `completed` and `failed` are final */
export type RunStatus = 'queued' | 'running' | 'completed' | 'failed'

/** The final run states */
export type FinalRunStatus = 'completed' | 'failed'

/** The engines a run may use */
export type EngineName = 'local' | 'aws'

/** What started a run */
export interface Trigger {
  readonly kind: 'manual' | 'api' | 'webhook' | 'schedule' | 'iam-change'
  readonly detail?: string
}

/** One side of a regression: a check's outcome in one run */
export interface RegressionSide {
  readonly status: string
  readonly divergent: boolean
  readonly decision?: string
}

/** A check that got worse since the suite's previous completed run (docs/api.md `Regression`) */
export interface Regression {
  readonly kind: 'newFailure' | 'newDivergence' | 'decisionFlip'
  readonly case: string
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly before: RegressionSide
  readonly after: RegressionSide
}

/** A team: the unit of isolation */
export interface TeamRecord {
  readonly id: string
  readonly name: string
  readonly createdAt: string
}

/** An API token; only its SHA-256 (hex) is stored */
export interface TokenRecord {
  /** sha256 hex of the token text */
  readonly hash: string
  readonly teamId: string
  readonly name: string
  readonly createdAt: string
}

/** A suite's head: what the suite is now (docs/api.md `SuiteSummary` minus `lastRun`) */
export interface SuiteRecord {
  readonly teamId: string
  readonly id: string
  /** The current version, 1-based */
  readonly version: number
  readonly description?: string
  readonly tags: readonly string[]
  readonly format: SuiteFormat
  /** When the suite (version 1) was created */
  readonly createdAt: string
  /** When the current version was created */
  readonly updatedAt: string
  /** The newest run of the suite, if any (a pointer; see `SuiteWithLastRun`) */
  readonly lastRunId?: string
}

/** A suite head with its newest run resolved */
export interface SuiteWithLastRun extends SuiteRecord {
  readonly lastRun?: RunRecord
}

/** A suite head with the current version's text (docs/api.md `SuiteDetail`) */
export interface SuiteDetailRecord extends SuiteWithLastRun {
  readonly body: string
}

/** One immutable version of a suite (docs/api.md `SuiteVersion`) */
export interface SuiteVersionRecord {
  readonly version: number
  readonly createdAt: string
  readonly format: SuiteFormat
  readonly body: string
}

/** What `createSuite` and `updateSuite` store */
export interface SuiteInput {
  readonly id: string
  readonly body: string
  readonly format: SuiteFormat
  readonly description?: string
  readonly tags?: readonly string[]
}

/** A run (docs/api.md `RunSummaryItem` plus the bookkeeping of slices) */
export interface RunRecord {
  readonly teamId: string
  /** ULID-like, sortable by creation time */
  readonly id: string
  readonly suiteId: string
  readonly suiteVersion: number
  readonly status: RunStatus
  readonly trigger: Trigger
  readonly engines: readonly EngineName[]
  /** Present once completed */
  readonly summary?: RunSummary
  readonly createdAt: string
  readonly startedAt?: string
  readonly finishedAt?: string
  /** Why the run failed */
  readonly error?: string
  /** How many slices the run's checks were split into */
  readonly slices: number
  /** How many distinct slices have recorded their results */
  readonly slicesDone: number
  /** The suite's previous completed run, set when the run finishes */
  readonly previousRunId?: string
}

/** A run with its regressions (docs/api.md `RunDetail`) */
export interface RunDetailRecord extends RunRecord {
  /** Since the suite's previous completed run; [] for the first run or while not finished */
  readonly regressions: readonly Regression[]
}

/** What `createRun` stores */
export interface RunInput {
  readonly suiteId: string
  /** Defaults to the suite's current version */
  readonly suiteVersion?: number
  readonly trigger: Trigger
  readonly engines: readonly EngineName[]
  /** Defaults to 1; may also be set by `markRunning` */
  readonly slices?: number
}

/** How a run ends */
export interface FinishRunInput {
  readonly status: FinalRunStatus
  readonly summary?: RunSummary
  readonly regressions?: readonly Regression[]
  readonly previousRunId?: string
  readonly error?: string
}

/** The answer of `recordSlice` */
export interface SliceRecorded {
  /** The run after the increment (or as it is, when the slice had already been counted) */
  readonly run: RunRecord
  /** False when this slice index had already been counted (a retried slice): its pages were rewritten only */
  readonly firstTime: boolean
}

/** One page of a listing; pass `cursor` back unchanged for the next page */
export interface Page<T> {
  readonly items: readonly T[]
  readonly cursor?: string
}

/** Paging options shared by every listing */
export interface PageOptions {
  readonly limit?: number
  readonly cursor?: string
}

/** Options of `listSuites` */
export interface ListSuitesOptions extends PageOptions {
  /** Only suites with this tag */
  readonly tag?: string
}

/** Options of `listRuns` */
export interface ListRunsOptions extends PageOptions {
  /** Only this suite's runs */
  readonly suiteId?: string
}

/** Options of `listResults` */
export interface ListResultsOptions extends PageOptions {
  readonly status?: CheckStatus
  readonly divergent?: boolean
}

/** Persistence of teams, tokens, suites, versions, runs and results; every call is scoped to one team */
export interface Repository {
  /** Creates a team with a fresh id */
  createTeam(input: { readonly name: string }): Promise<TeamRecord>
  /** A team, or undefined */
  getTeam(teamId: string): Promise<TeamRecord | undefined>
  /** Every team (admin and sweeper use), oldest first */
  listTeams(options?: PageOptions): Promise<Page<TeamRecord>>

  /** Stores a token's hash for a team; ConflictError if the hash exists, NotFoundError if the team does not */
  createToken(teamId: string, input: { readonly hash: string; readonly name: string }): Promise<TokenRecord>
  /** The token with this sha256 hex hash, or undefined */
  getTokenByHash(hash: string): Promise<TokenRecord | undefined>
  /** A team's tokens (hashes and names), oldest first */
  listTokens(teamId: string, options?: PageOptions): Promise<Page<TokenRecord>>
  /** Revokes a token; NotFoundError if it is not the team's */
  deleteToken(teamId: string, hash: string): Promise<void>

  /** Creates a suite at version 1; ConflictError if the id exists */
  createSuite(teamId: string, input: SuiteInput): Promise<SuiteDetailRecord>
  /** The suite with its current body, or undefined */
  getSuite(teamId: string, suiteId: string): Promise<SuiteDetailRecord | undefined>
  /** The team's suites by id */
  listSuites(teamId: string, options?: ListSuitesOptions): Promise<Page<SuiteWithLastRun>>
  /**
   * Stores version `expectedVersion + 1` and makes it current; ConflictError when the current version is not
   * `expectedVersion` (someone else saved first), NotFoundError when the suite does not exist
   */
  updateSuite(teamId: string, input: SuiteInput, expectedVersion: number): Promise<SuiteDetailRecord>
  /** Deletes a suite (its versions become unreachable); NotFoundError if it does not exist */
  deleteSuite(teamId: string, suiteId: string): Promise<void>
  /** A suite's versions, newest first */
  listSuiteVersions(teamId: string, suiteId: string, options?: PageOptions): Promise<Page<SuiteVersionRecord>>
  /** One version of a suite, or undefined */
  getSuiteVersion(teamId: string, suiteId: string, version: number): Promise<SuiteVersionRecord | undefined>

  /** Creates a queued run of a suite; NotFoundError if the suite (or the version) does not exist */
  createRun(teamId: string, input: RunInput): Promise<RunRecord>
  /** A run, or undefined */
  getRun(teamId: string, runId: string): Promise<RunRecord | undefined>
  /** A run with its regressions, or undefined */
  getRunDetail(teamId: string, runId: string): Promise<RunDetailRecord | undefined>
  /** The team's runs (or one suite's), newest first */
  listRuns(teamId: string, options?: ListRunsOptions): Promise<Page<RunRecord>>
  /**
   * queued -> running (optionally setting the slice count); a running run is returned unchanged;
   * ConflictError if final, NotFoundError if missing
   */
  markRunning(teamId: string, runId: string, options?: { readonly slices?: number }): Promise<RunRecord>
  /**
   * Writes one slice's results (idempotent per slice index) then counts the slice once; the caller that sees
   * `run.slicesDone === run.slices` closes the run. ConflictError if the run is final, NotFoundError if missing
   */
  recordSlice(
    teamId: string,
    runId: string,
    sliceIndex: number,
    results: readonly CheckResult[],
  ): Promise<SliceRecorded>
  /** Ends a run; ConflictError if it is already final, NotFoundError if missing */
  finishRun(teamId: string, runId: string, input: FinishRunInput): Promise<RunDetailRecord>
  /** A run's check results in slice order, filtered; expired pages read as absent */
  listResults(teamId: string, runId: string, options?: ListResultsOptions): Promise<Page<CheckResult>>
  /** The suite's newest completed run created before `beforeRunId` (of the same suite incarnation), or undefined */
  getPreviousCompletedRun(
    teamId: string,
    suiteId: string,
    beforeRunId: string,
  ): Promise<RunRecord | undefined>
  /**
   * Runs of any team still queued or running and created before `olderThanIso`, oldest first (for the sweeper,
   * which marks them failed with finishRun). Read from the sparse `ACTIVE` GSI partition, so the cost is the
   * number of unfinished runs, not the history; pass a cutoff minutes in the past (markers older than it whose
   * run is final or missing are tidied away)
   */
  listStaleRuns(olderThanIso: string, options?: PageOptions): Promise<Page<RunRecord>>
}

/** Thrown when a write lost a race or would overwrite: a stale version, an existing id, a final run */
export class ConflictError extends Error {
  /** Stable code, matches the API's error code */
  readonly code = 'conflict'
  override readonly name = 'ConflictError'
}

/** Thrown when a write targets something that does not exist in the caller's team */
export class NotFoundError extends Error {
  /** Stable code, matches the API's error code */
  readonly code = 'not-found'
  override readonly name = 'NotFoundError'
}

/** Thrown for arguments that cannot be stored (an id with `#`, a negative slice index, a cursor not ours) */
export class InvalidInputError extends Error {
  /** Stable code */
  readonly code = 'invalid-input'
  override readonly name = 'InvalidInputError'
}
