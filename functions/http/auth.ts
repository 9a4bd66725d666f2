/**
 * Authentication: `Authorization: Bearer <token>`, looked up by its SHA-256. Team tokens reach only
 * their team; the admin token reaches only `/admin/*`. Token lookups are cached briefly per process.
 * @module
 */
import type { MiddlewareObj } from '@middy/core'
import type { Repository } from '../../core/store/repository.ts'
import { servicesFor } from '../services/services.ts'
import { hashToken, isTokenShaped, sameHash } from '../services/tokens.ts'
import { UnauthorizedError } from './errors.ts'
import type { ApiContext, ApiEvent, ApiResult, Caller } from './types.ts'

/** How long a token's team is remembered */
export const TOKEN_CACHE_MS = 30_000

const cache = new WeakMap<Repository, Map<string, { teamId: string; until: number }>>()

/** The bearer token of a request, if it has one */
export const bearerToken = (event: ApiEvent): string | undefined => {
  const header = event.headers?.authorization
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}

/** The team of a token hash (cached), or undefined */
const teamOf = async (repo: Repository, hash: string): Promise<string | undefined> => {
  let known = cache.get(repo)
  if (!known) {
    known = new Map()
    cache.set(repo, known)
  }
  const hit = known.get(hash)
  const now = Date.now()
  if (hit && hit.until > now) return hit.teamId
  const token = await repo.getTokenByHash(hash)
  if (!token) {
    known.delete(hash)
    return undefined
  }
  if (known.size > 10_000) known.clear()
  known.set(hash, { teamId: token.teamId, until: now + TOKEN_CACHE_MS })
  return token.teamId
}

/** Authenticates a request as a team or as the admin; 401 when it is neither of what is allowed */
export const authenticate = async (event: ApiEvent, kind: Caller['kind']): Promise<Caller> => {
  const token = bearerToken(event)
  if (!token) throw new UnauthorizedError('missing bearer token')
  const services = await servicesFor(event)
  const hash = hashToken(token)
  if (kind === 'admin') {
    const admin = services.adminTokenHash
    if (admin && sameHash(admin, hash)) return { kind: 'admin' }
    throw new UnauthorizedError('this route needs the admin token')
  }
  if (!isTokenShaped(token)) throw new UnauthorizedError('malformed bearer token')
  const teamId = await teamOf(services.repo, hash)
  if (!teamId) throw new UnauthorizedError('unknown bearer token')
  return { kind: 'team', teamId }
}

/** The middleware that authenticates a route and puts the caller in the context */
export const requireCaller = (
  kind: Caller['kind'],
): MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> => ({
  before: async (request) => {
    request.context.caller = await authenticate(request.event, kind)
  },
})

/** The team of an authenticated request (set by `requireCaller('team')`) */
export const teamOfContext = (context: ApiContext): string => {
  const caller = context.caller
  if (caller?.kind !== 'team') throw new UnauthorizedError()
  return caller.teamId
}
