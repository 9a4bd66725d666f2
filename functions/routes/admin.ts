/**
 * Admin routes (admin token only): create teams, and issue a team's tokens (shown once, stored as a
 * SHA-256 hash).
 * @module
 */
import { readJsonBody } from '../http/body.ts'
import { BadRequestError, fieldIssue } from '../http/errors.ts'
import { opaqueIdParam } from '../http/query.ts'
import { adminRoute } from '../http/route.ts'
import { team } from '../http/shapes.ts'
import { json } from '../http/types.ts'
import { generateToken, hashToken } from '../services/tokens.ts'

/** The `name` of `{ "name": "…" }` (1 to 100 characters) */
const nameOf = (value: unknown, what: string): string => {
  const name = (value as { name?: unknown } | null)?.name
  const keys = typeof value === 'object' && value !== null ? Object.keys(value) : []
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100 || keys.some((k) => k !== 'name')) {
    throw new BadRequestError(
      `expected \`{ "name": "<${what}>" }\``,
      fieldIssue('name', `expected a ${what} of 1 to 100 characters`),
    )
  }
  return name.trim()
}

/** `POST /admin/teams` */
export const createTeam = adminRoute(async (event, services) => {
  const name = nameOf(readJsonBody(event), 'team name')
  return json(201, team(await services.repo.createTeam({ name })))
})

/** `POST /admin/teams/{id}/tokens`: the only time the token is shown */
export const createTeamToken = adminRoute(async (event, services) => {
  const teamId = opaqueIdParam(event, 'team')
  const name = nameOf(readJsonBody(event), 'token label')
  const token = generateToken()
  const record = await services.repo.createToken(teamId, { hash: hashToken(token), name })
  return json(201, { token, name: record.name, teamId: record.teamId })
})
