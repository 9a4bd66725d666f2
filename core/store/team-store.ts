/**
 * Teams and API tokens. A token is stored only as its SHA-256 hex hash, keyed by that hash, because a
 * request learns its team from the token; the token item carries the team id.
 * @module
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { TEAMS_GSI_PK, teamKey, tokenKey, tokensGsiPk } from './keys.ts'
import {
  ConflictError,
  NotFoundError,
  type Page,
  type PageOptions,
  type TeamRecord,
  type TokenRecord,
} from './repository.ts'
import {
  collectGsiPartition,
  getItem,
  type Item,
  isConditionFailed,
  nowIso,
  pageLimit,
  type StoreContext,
} from './store-context.ts'
import { TABLE_KEYS } from './table.ts'

const toTeam = (item: Item): TeamRecord => ({
  id: String(item.teamId),
  name: String(item.name),
  createdAt: String(item.createdAt),
})

const toToken = (item: Item): TokenRecord => ({
  hash: String(item.hash),
  teamId: String(item.teamId),
  name: String(item.name),
  createdAt: String(item.createdAt),
})

/** Creates a team with a fresh id */
export const createTeam = async (
  ctx: StoreContext,
  input: { readonly name: string },
): Promise<TeamRecord> => {
  const team: TeamRecord = { id: ctx.newId().toLowerCase(), name: input.name, createdAt: nowIso(ctx) }
  await ctx.client.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: {
        ...teamKey(team.id),
        type: 'team',
        teamId: team.id,
        name: team.name,
        createdAt: team.createdAt,
        [TABLE_KEYS.gsi.pk]: TEAMS_GSI_PK,
        [TABLE_KEYS.gsi.sk]: team.id,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
  return team
}

/** A team, or undefined */
export const getTeam = async (ctx: StoreContext, teamId: string): Promise<TeamRecord | undefined> => {
  const item = await getItem(ctx, teamKey(teamId))
  return item === undefined ? undefined : toTeam(item)
}

/** Every team, oldest first */
export const listTeams = async (ctx: StoreContext, options: PageOptions = {}): Promise<Page<TeamRecord>> => {
  const limit = pageLimit(options.limit, 100, 1000)
  const { items, cursor } = await collectGsiPartition(ctx, TEAMS_GSI_PK, limit, options.cursor)
  return { items: items.map(toTeam), ...(cursor === undefined ? {} : { cursor }) }
}

/** Stores a token hash for an existing team */
export const createToken = async (
  ctx: StoreContext,
  teamId: string,
  input: { readonly hash: string; readonly name: string },
): Promise<TokenRecord> => {
  if ((await getTeam(ctx, teamId)) === undefined) throw new NotFoundError(`no team \`${teamId}\``)
  const token: TokenRecord = { hash: input.hash, teamId, name: input.name, createdAt: nowIso(ctx) }
  try {
    await ctx.client.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...tokenKey(token.hash),
          type: 'token',
          ...token,
          [TABLE_KEYS.gsi.pk]: tokensGsiPk(teamId),
          [TABLE_KEYS.gsi.sk]: `${token.createdAt}#${token.hash}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
  } catch (error) {
    if (isConditionFailed(error)) throw new ConflictError('a token with this hash exists')
    throw error
  }
  return token
}

/** The token with this hash, or undefined */
export const getTokenByHash = async (ctx: StoreContext, hash: string): Promise<TokenRecord | undefined> => {
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined
  const item = await getItem(ctx, tokenKey(hash))
  return item === undefined ? undefined : toToken(item)
}

/** A team's tokens, oldest first */
export const listTokens = async (
  ctx: StoreContext,
  teamId: string,
  options: PageOptions = {},
): Promise<Page<TokenRecord>> => {
  const limit = pageLimit(options.limit, 100, 1000)
  const { items, cursor } = await collectGsiPartition(ctx, tokensGsiPk(teamId), limit, options.cursor)
  return { items: items.map(toToken), ...(cursor === undefined ? {} : { cursor }) }
}

/** Deletes a token of the team */
export const deleteToken = async (ctx: StoreContext, teamId: string, hash: string): Promise<void> => {
  try {
    await ctx.client.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: tokenKey(hash),
        ConditionExpression: 'teamId = :t',
        ExpressionAttributeValues: { ':t': teamId },
      }),
    )
  } catch (error) {
    if (isConditionFailed(error)) throw new NotFoundError('no such token')
    throw error
  }
}
