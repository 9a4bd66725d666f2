/**
 * Route constructors: each route is a small middy handler; the team and admin ones authenticate first
 * and hand the route its caller's team and the services.
 * @module
 */
import middy from '@middy/core'
import { type Services, servicesFor } from '../services/services.ts'
import { requireCaller, teamOfContext } from './auth.ts'
import type { ApiContext, ApiEvent, ApiResult } from './types.ts'

/** What a team route receives besides the event */
export interface TeamRequest {
  readonly teamId: string
  readonly services: Services
}

/** A route open to everyone */
export const publicRoute = (fn: (event: ApiEvent) => Promise<ApiResult>) =>
  middy<ApiEvent, ApiResult, Error, ApiContext>().handler((event) => fn(event))

/** A route for team tokens; the route sees only its caller's team */
export const teamRoute = (fn: (event: ApiEvent, request: TeamRequest) => Promise<ApiResult>) =>
  middy<ApiEvent, ApiResult, Error, ApiContext>()
    .use(requireCaller('team'))
    .handler(async (event, context) =>
      fn(event, { teamId: teamOfContext(context), services: await servicesFor(event) }),
    )

/** A route for the admin token */
export const adminRoute = (fn: (event: ApiEvent, services: Services) => Promise<ApiResult>) =>
  middy<ApiEvent, ApiResult, Error, ApiContext>()
    .use(requireCaller('admin'))
    .handler(async (event) => fn(event, await servicesFor(event)))
