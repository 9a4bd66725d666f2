/**
 * The HTTP API Lambda: every route of docs/api.md through one @middy/http-router handler. Headers are
 * normalized (lower-case) and one error middleware turns every error into the API's error body.
 * The local server calls this same handler with events it builds from node:http requests.
 * @module
 */

import middy from '@middy/core'
import httpHeaderNormalizer from '@middy/http-header-normalizer'
import httpRouterHandler from '@middy/http-router'
import { apiErrors } from './http/error-middleware.ts'
import type { ApiContext, ApiEvent, ApiResult } from './http/types.ts'
import { createTeam, createTeamToken } from './routes/admin.ts'
import { health } from './routes/health.ts'
import { me } from './routes/me.ts'
import { createRun, getRun, listResults, listRuns } from './routes/runs.ts'
import {
  createSuite,
  deleteSuite,
  getSuite,
  getSuiteVersion,
  listSuites,
  listSuiteVersions,
  updateSuite,
} from './routes/suites.ts'
import { validate } from './routes/validate.ts'

const routes = httpRouterHandler<ApiEvent, ApiResult>([
  { method: 'GET', path: '/health', handler: health },
  { method: 'GET', path: '/me', handler: me },
  { method: 'GET', path: '/suites', handler: listSuites },
  { method: 'POST', path: '/suites', handler: createSuite },
  { method: 'GET', path: '/suites/{id}', handler: getSuite },
  { method: 'PUT', path: '/suites/{id}', handler: updateSuite },
  { method: 'DELETE', path: '/suites/{id}', handler: deleteSuite },
  { method: 'GET', path: '/suites/{id}/versions', handler: listSuiteVersions },
  { method: 'GET', path: '/suites/{id}/versions/{version}', handler: getSuiteVersion },
  { method: 'POST', path: '/suites/{id}/runs', handler: createRun },
  { method: 'GET', path: '/runs', handler: listRuns },
  { method: 'GET', path: '/runs/{id}', handler: getRun },
  { method: 'GET', path: '/runs/{id}/results', handler: listResults },
  { method: 'POST', path: '/validate', handler: validate },
  { method: 'POST', path: '/admin/teams', handler: createTeam },
  { method: 'POST', path: '/admin/teams/{id}/tokens', handler: createTeamToken },
])

/** The API Gateway v2 handler of every route */
export const handler = middy<ApiEvent, ApiResult, Error, ApiContext>()
  .use(httpHeaderNormalizer())
  .use(apiErrors())
  .handler(routes)
