/**
 * One function per route of docs/api.md that the dashboard uses.
 * @module
 */
import type {
  CheckResult,
  EngineName,
  Page,
  RunDetail,
  RunReport,
  RunSummaryItem,
  SuiteDetail,
  SuiteSummary,
  SuiteVersion,
  Trigger,
} from './api-types.ts'
import { apiRequest } from './client.ts'

const enc = encodeURIComponent

/** Follows cursors until the list ends or `max` items were read */
export const collectPages = async <T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> => {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await fetchPage(cursor)
    items.push(...page.items)
    cursor = page.cursor
  } while (cursor && items.length < max)
  return items
}

/** The team the signed-in token belongs to */
export const getMe = (): Promise<{ teamId: string; teamName: string }> => apiRequest('/me')

/** Every suite of the team */
export const listSuites = (): Promise<SuiteSummary[]> =>
  collectPages((cursor) => apiRequest<Page<SuiteSummary>>('/suites', { query: { cursor, limit: 100 } }))

/** One suite with its current body */
export const getSuite = (id: string): Promise<SuiteDetail> => apiRequest(`/suites/${enc(id)}`)

const contentTypeOf = (format: 'yaml' | 'json'): string =>
  format === 'json' ? 'application/json' : 'application/yaml'

/** Stores a new suite (version 1) */
export const createSuite = (body: string, format: 'yaml' | 'json'): Promise<SuiteDetail> =>
  apiRequest('/suites', { method: 'POST', text: { body, contentType: contentTypeOf(format) } })

/** Saves a new version of a suite; `version` is the version that was edited (409 when stale) */
export const updateSuite = (id: string, version: number, body: string): Promise<SuiteDetail> =>
  apiRequest(`/suites/${enc(id)}`, { method: 'PUT', json: { version, body } })

/** Deletes a suite */
export const deleteSuite = (id: string): Promise<void> =>
  apiRequest(`/suites/${enc(id)}`, { method: 'DELETE' })

/** A suite's versions, newest first */
export const listVersions = (id: string): Promise<SuiteVersion[]> =>
  collectPages((cursor) =>
    apiRequest<Page<SuiteVersion>>(`/suites/${enc(id)}/versions`, { query: { cursor, limit: 100 } }),
  )

/** One version of a suite */
export const getVersion = (id: string, version: number): Promise<SuiteVersion> =>
  apiRequest(`/suites/${enc(id)}/versions/${version}`)

/** Queues a run of a suite */
export const startRun = (id: string, engines?: readonly EngineName[]): Promise<RunSummaryItem> => {
  const trigger: Trigger = { kind: 'manual' }
  return apiRequest(`/suites/${enc(id)}/runs`, {
    method: 'POST',
    json: engines ? { engines, trigger } : { trigger },
  })
}

/** A suite's runs, newest first, at most `max` */
export const listRuns = (suiteId: string, max = 50): Promise<RunSummaryItem[]> =>
  collectPages(
    (cursor) =>
      apiRequest<Page<RunSummaryItem>>('/runs', { query: { suiteId, cursor, limit: Math.min(max, 100) } }),
    max,
  ).then((items) => items.slice(0, max))

/** One run with its regressions */
export const getRun = (id: string): Promise<RunDetail> => apiRequest(`/runs/${enc(id)}`)

/** One page of a run's check results */
export const listResultsPage = (
  runId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<CheckResult>> => apiRequest(`/runs/${enc(runId)}/results`, { query: { cursor, limit } })

/** A proposed policy for one principal, for the what-if check */
export interface ProposedPolicy {
  readonly name?: string
  readonly document: unknown
}

/** Runs a suite body without storing it */
export const validateBody = (body: string): Promise<RunReport> =>
  apiRequest('/validate', { method: 'POST', json: { body } })

/** Runs a stored suite with some principals' policies replaced, without storing anything */
export const validateReplace = (
  suiteId: string,
  replace: Readonly<Record<string, readonly ProposedPolicy[]>>,
): Promise<RunReport> => apiRequest('/validate', { method: 'POST', json: { suiteId, replace } })
