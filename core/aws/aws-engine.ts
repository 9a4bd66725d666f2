/**
 * The AWS engine: decides checks with the IAM policy simulator. Each check is planned (skipped with a
 * reason, failed, or turned into a simulation), simulations are batched into as few calls as the API
 * allows, calls run with a bounded number in flight, retried with backoff, paged, and each check's
 * answer is read from its call's results. A call that finally fails makes its checks errors
 * (`<AWS code>: <message>`); the rest of the run goes on.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 * @module
 */
import type { IAMClient } from '@aws-sdk/client-iam'
import { type IamCatalog, loadIamCatalog } from '../catalog/index.ts'
import type { AccountResolver, Check, Engine, EngineResult } from '../suite/index.ts'
import { type BatchItem, type PlannedCall, planCalls } from './batching.ts'
import type { KeyInfoLookup } from './context-entries.ts'
import { type CheckPlan, planCheck } from './plan-check.ts'
import { decisionFor, indexResults } from './read-results.ts'
import { awsErrorText, type RetryOptions } from './retry.ts'
import { createSemaphore } from './semaphore.ts'
import { MAX_ITEMS_LIMIT, runCall } from './simulate-call.ts'

/** How the AWS engine runs */
export interface AwsEngineOptions {
  /** An IAM client (see createIamClient: its own retries are off, so the engine's are the only ones) */
  readonly client: IAMClient
  /** The condition-key catalog for ContextEntry types; default: loadIamCatalog() when it loads */
  readonly catalog?: IamCatalog
  /** The run's account resolver: tells an account principal's own policies from the suite's additions */
  readonly resolver?: AccountResolver
  /** Simulator requests in flight at once; default 4 */
  readonly maxInFlight?: number
  /** MaxItems per page, 1 to 1,000; default 1,000 */
  readonly maxItems?: number
  readonly retry?: RetryOptions
}

/** What the engine has done so far */
export interface AwsEngineStats {
  /** Checks sent to the simulator */
  readonly simulated: number
  readonly skipped: number
  /** Simulations (before paging) */
  readonly calls: number
  /** Requests that got an answer, every page counted */
  readonly requests: number
  readonly retries: number
  /** Calls that failed after their retries */
  readonly failedCalls: number
}

/** The AWS engine, with its statistics */
export interface AwsEngine extends Engine {
  readonly name: 'aws'
  stats(): AwsEngineStats
}

const catalogLookup = async (catalog: IamCatalog | undefined): Promise<KeyInfoLookup> => {
  if (catalog) return (key) => catalog.conditionKeyType(key)
  try {
    const loaded = await loadIamCatalog()
    return (key) => loaded.conditionKeyType(key)
  } catch {
    return () => undefined
  }
}

/** Creates the AWS engine */
export const createAwsEngine = (options: AwsEngineOptions): AwsEngine => {
  const semaphore = createSemaphore(options.maxInFlight ?? 4)
  const maxItems = Math.min(MAX_ITEMS_LIMIT, Math.max(1, options.maxItems ?? MAX_ITEMS_LIMIT))
  const stats = { simulated: 0, skipped: 0, calls: 0, requests: 0, retries: 0, failedCalls: 0 }
  const retry: RetryOptions = {
    ...options.retry,
    onRetry: (error, attempt, delay) => {
      stats.retries++
      options.retry?.onRetry?.(error, attempt, delay)
    },
  }
  let lookup: Promise<KeyInfoLookup> | undefined

  const answer = async (call: PlannedCall, checks: readonly Check[], out: EngineResult[]): Promise<void> => {
    const outcome = await runCall(options.client, call, {
      maxItems,
      retry,
      around: (task) => semaphore.run(task),
      onPage: () => {
        stats.requests++
      },
    })
    if (outcome.error !== undefined) stats.failedCalls++
    const index = indexResults(outcome.results, call.resources.length === 1)
    for (const i of call.checks) {
      const check = checks[i]!
      const decision = decisionFor(index, check.action, check.resource, call.simulation)
      out[i] = decision ?? {
        error:
          outcome.error !== undefined
            ? awsErrorText(outcome.error)
            : `the simulator returned no result for \`${check.action}\` on \`${check.resource}\``,
      }
    }
  }

  const evaluate = async (checks: readonly Check[]): Promise<readonly EngineResult[]> => {
    lookup ??= catalogLookup(options.catalog)
    const keyInfo = await lookup
    const out: EngineResult[] = new Array(checks.length)
    const items: BatchItem[] = []
    checks.forEach((check, index) => {
      const plan: CheckPlan = planCheck(check, { keyInfo, resolver: options.resolver })
      if (plan.kind === 'skip') {
        stats.skipped++
        out[index] = { skipped: plan.reason }
      } else if (plan.kind === 'error') out[index] = { error: plan.message }
      else {
        stats.simulated++
        items.push({ index, simulation: plan.simulation, action: check.action, resource: check.resource })
      }
    })
    const calls = planCalls(items, maxItems)
    stats.calls += calls.length
    await Promise.all(calls.map((call) => answer(call, checks, out)))
    return out
  }

  return { name: 'aws', evaluate, stats: () => ({ ...stats }) }
}
