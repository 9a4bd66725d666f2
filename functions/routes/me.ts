/**
 * `GET /me`: the team the bearer token belongs to, so a client can say whose data it shows.
 * @module
 */
import { teamRoute } from '../http/route.ts'
import { json } from '../http/types.ts'

/** `GET /me` */
export const me = teamRoute(async (_event, { teamId, services }) => {
  const team = await services.repo.getTeam(teamId)
  return json(200, { teamId, teamName: team?.name ?? teamId })
})
