/**
 * First-start chores of the local server: the admin token (generated once, kept in
 * `<dataDir>/admin-token`, mode 0600), and on a fresh store the `default` team with a token in
 * `<dataDir>/team-token` (0600) so a new user can sign in to the dashboard at once.
 * @module
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Repository } from '../../core/store/repository.ts'
import { generateToken, hashToken } from '../services/tokens.ts'

/** Writes a token to a file only its owner can read */
const writeSecret = (file: string, token: string): void => {
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
}

/** The admin token of a data directory, and whether this start created it */
export const ensureAdminToken = (dataDir: string): { readonly token: string; readonly created: boolean } => {
  const file = join(dataDir, 'admin-token')
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim()
    if (token !== '') return { token, created: false }
  }
  const token = generateToken()
  writeSecret(file, token)
  return { token, created: true }
}

/** The name of the team a fresh local service creates */
export const DEFAULT_TEAM_NAME = 'default'

/** Creates the default team and a token for it (written to `<dataDir>/team-token`) */
export const createDefaultTeam = async (
  repo: Repository,
  dataDir: string,
): Promise<{ readonly teamId: string; readonly token: string }> => {
  const team = await repo.createTeam({ name: DEFAULT_TEAM_NAME })
  const token = generateToken()
  await repo.createToken(team.id, { hash: hashToken(token), name: 'local dashboard' })
  writeSecret(join(dataDir, 'team-token'), token)
  return { teamId: team.id, token }
}
