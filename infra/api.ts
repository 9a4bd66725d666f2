/**
 * The HTTP API (docs/api.md): one Lambda function (functions/api.ts, which routes internally) behind an
 * API Gateway HTTP API. Every documented route is declared explicitly, so the route table is reviewable
 * here and checked by the unit test against docs/api.md; `$default` sends everything else to the same
 * function, so an unknown path gets the documented `404 not-found` body instead of API Gateway's own.
 * Paths carry no `/api` prefix: the Router strips it (infra/web.ts).
 * @module
 */
import { FUNCTION_DEFAULTS, WITH_IAM_CATALOG } from './function-defaults.ts'
import { apiPermissions, type ServiceArns } from './permissions.ts'
import { FUNCTION_ENV, HANDLERS, RESOURCE_NAMES } from './resource-names.ts'

/** Every route of docs/api.md, as API Gateway route keys */
export const API_ROUTES = [
  'GET /health',
  'GET /me',
  'GET /suites',
  'POST /suites',
  'GET /suites/{id}',
  'PUT /suites/{id}',
  'DELETE /suites/{id}',
  'GET /suites/{id}/versions',
  'GET /suites/{id}/versions/{version}',
  'POST /suites/{id}/runs',
  'GET /runs',
  'GET /runs/{id}',
  'GET /runs/{id}/results',
  'POST /validate',
  'POST /admin/teams',
  'POST /admin/teams/{id}/tokens',
] as const

/** The catch-all route key of an HTTP API */
export const DEFAULT_ROUTE = '$default'

/** What the API needs from the rest of the app */
export interface ApiInputs {
  readonly table: sst.aws.Dynamo
  readonly runQueue: sst.aws.Queue
  readonly adminTokenHash: sst.Secret
  readonly arns: ServiceArns<$util.Output<string>>
}

/** The API function and the HTTP API in front of it */
export interface Api {
  readonly fn: sst.aws.Function
  readonly api: sst.aws.ApiGatewayV2
}

/** Creates the API function and routes every documented route (and `$default`) to it */
export const createApi = (inputs: ApiInputs): Api => {
  const fn = new sst.aws.Function(RESOURCE_NAMES.apiFunction, {
    ...FUNCTION_DEFAULTS,
    ...WITH_IAM_CATALOG,
    handler: HANDLERS.api,
    description: 'iamspec: the HTTP API',
    timeout: '30 seconds',
    memory: '1024 MB',
    permissions: apiPermissions(inputs.arns),
    environment: {
      [FUNCTION_ENV.tableName]: inputs.table.name,
      [FUNCTION_ENV.runQueueUrl]: inputs.runQueue.url,
      [FUNCTION_ENV.adminTokenHash]: inputs.adminTokenHash.value,
      [FUNCTION_ENV.stage]: $app.stage,
    },
  })
  // Same origin as the dashboard through the Router, so no CORS
  const api = new sst.aws.ApiGatewayV2(RESOURCE_NAMES.api, { cors: false })
  for (const route of [...API_ROUTES, DEFAULT_ROUTE]) api.route(route, fn.arn)
  return { fn, api }
}
