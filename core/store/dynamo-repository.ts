/**
 * The one Repository implementation: DynamoDB (or dynalite / DynamoDB Local) through an injected
 * DynamoDBDocumentClient. No operation uses transactions (dynalite has none); each module documents the
 * write order that keeps a crash from leaving visible half-state.
 * @module
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { createIdFactory } from './ids.ts'
import type { Repository } from './repository.ts'
import { PAGE_BUDGET_BYTES } from './result-pages.ts'
import { listResults } from './result-store.ts'
import { getPreviousCompletedRun, getRun, getRunDetail, listRuns, listStaleRuns } from './run-queries.ts'
import { createRun, finishRun, markRunning, recordSlice } from './run-store.ts'
import type { StoreContext } from './store-context.ts'
import { createSuite, deleteSuite, getSuite, listSuites, updateSuite } from './suite-store.ts'
import { getSuiteVersion, listSuiteVersions } from './suite-versions.ts'
import {
  createTeam,
  createToken,
  deleteToken,
  getTeam,
  getTokenByHash,
  listTeams,
  listTokens,
} from './team-store.ts'

/** Default lifetime of result pages: 90 days */
export const DEFAULT_RESULT_TTL_SECONDS = 90 * 24 * 3600

/** How to build the repository */
export interface DynamoRepositoryOptions {
  /** The document client (plain marshalling options suffice: the store never writes undefined) */
  readonly client: DynamoDBDocumentClient
  readonly tableName: string
  /** The clock; defaults to the system clock */
  readonly now?: () => Date
  /** Id source; defaults to monotonic ULID-like ids on `now` */
  readonly newId?: () => string
  /** Lifetime of result pages in seconds (`expiresAt`); null keeps them forever */
  readonly resultTtlSeconds?: number | null
  /** JSON budget of one result page in bytes (default 300 KiB) */
  readonly pageBudgetBytes?: number
}

/** Builds the DynamoDB-backed repository */
export const createDynamoRepository = (options: DynamoRepositoryOptions): Repository => {
  const now = options.now ?? (() => new Date())
  const ctx: StoreContext = {
    client: options.client,
    tableName: options.tableName,
    now,
    newId: options.newId ?? createIdFactory(() => now().getTime()),
    resultTtlSeconds:
      options.resultTtlSeconds === null
        ? undefined
        : (options.resultTtlSeconds ?? DEFAULT_RESULT_TTL_SECONDS),
    pageBudgetBytes: options.pageBudgetBytes ?? PAGE_BUDGET_BYTES,
  }
  return {
    createTeam: (input) => createTeam(ctx, input),
    getTeam: (teamId) => getTeam(ctx, teamId),
    listTeams: (page) => listTeams(ctx, page),
    createToken: (teamId, input) => createToken(ctx, teamId, input),
    getTokenByHash: (hash) => getTokenByHash(ctx, hash),
    listTokens: (teamId, page) => listTokens(ctx, teamId, page),
    deleteToken: (teamId, hash) => deleteToken(ctx, teamId, hash),
    createSuite: (teamId, input) => createSuite(ctx, teamId, input),
    getSuite: (teamId, suiteId) => getSuite(ctx, teamId, suiteId),
    listSuites: (teamId, opts) => listSuites(ctx, teamId, opts),
    updateSuite: (teamId, input, expected) => updateSuite(ctx, teamId, input, expected),
    deleteSuite: (teamId, suiteId) => deleteSuite(ctx, teamId, suiteId),
    listSuiteVersions: (teamId, suiteId, opts) => listSuiteVersions(ctx, teamId, suiteId, opts),
    getSuiteVersion: (teamId, suiteId, version) => getSuiteVersion(ctx, teamId, suiteId, version),
    createRun: (teamId, input) => createRun(ctx, teamId, input),
    getRun: (teamId, runId) => getRun(ctx, teamId, runId),
    getRunDetail: (teamId, runId) => getRunDetail(ctx, teamId, runId),
    listRuns: (teamId, opts) => listRuns(ctx, teamId, opts),
    markRunning: (teamId, runId, opts) => markRunning(ctx, teamId, runId, opts),
    recordSlice: (teamId, runId, sliceIndex, results) => recordSlice(ctx, teamId, runId, sliceIndex, results),
    finishRun: (teamId, runId, input) => finishRun(ctx, teamId, runId, input),
    listResults: (teamId, runId, opts) => listResults(ctx, teamId, runId, opts),
    getPreviousCompletedRun: (teamId, suiteId, before) =>
      getPreviousCompletedRun(ctx, teamId, suiteId, before),
    listStaleRuns: (olderThan, page) => listStaleRuns(ctx, olderThan, page),
  }
}
