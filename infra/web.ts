/**
 * One origin for the dashboard and the API (architecture.md "HTTP API"): an SST Router (CloudFront) sends
 * `/api/*` to the HTTP API with the `/api` prefix stripped, and everything else to the dashboard, a static
 * site built from web/ (`npm run build:web` writes web/dist). The dashboard never needs CORS or a second URL.
 *
 * The router (SST 4.17.1, router.ts) forwards every viewer header but Host to the API (CloudFront's
 * AllViewerExceptHostHeader origin request policy), Authorization included. Its cache policy has a default
 * TTL of 0 and no Authorization in the cache key, so an API response is cached only if it says so: API
 * responses must never carry a `cache-control` that lets CloudFront keep them (today they carry none), or
 * one team's answer could be served to another.
 * @module
 */
import { RESOURCE_NAMES } from './resource-names.ts'

/** Where the API is mounted on the router */
export const API_PATH_PREFIX = '/api'

/** The router's rewrite of API paths: `/api/suites` reaches the HTTP API as `/suites` */
export const API_REWRITE = { regex: '^/api/(.*)$', to: '/$1' } as const

/** How the dashboard is built */
export const WEB_BUILD = { command: 'npm run build:web', output: 'web/dist' } as const

/** The router and the dashboard behind it */
export interface Web {
  readonly router: sst.aws.Router
  readonly site: sst.aws.StaticSite
}

/** Creates the router, mounts the API under `/api` and serves the dashboard everywhere else */
export const createWeb = (api: sst.aws.ApiGatewayV2): Web => {
  const router = new sst.aws.Router(RESOURCE_NAMES.router)
  router.route(API_PATH_PREFIX, api.url, { rewrite: API_REWRITE })
  const site = new sst.aws.StaticSite(RESOURCE_NAMES.web, {
    path: '.',
    build: WEB_BUILD,
    router: { instance: router },
  })
  return { router, site }
}
