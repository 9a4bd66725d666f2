/**
 * Every key of the single table. Team isolation is structural: every partition of team data starts with
 * `T#<teamId>#`, so a query built for team B can never read team A's items. The only keys that do not are
 * the token lookup (`TOKEN#<sha256>`, which is how a request learns its team) and the two global GSI
 * partitions `TEAMS` and `ACTIVE` (admin and sweeper reads, never served to a team).
 *
 * | item | pk | sk | gsi1pk / gsi1sk |
 * | --- | --- | --- | --- |
 * | team | `T#<team>` | `TEAM` | `TEAMS` / `<teamId>` |
 * | token | `TOKEN#<sha256>` | `TOKEN` | `T#<team>#TOKENS` / `<createdAt>#<sha256>` |
 * | suite head | `T#<team>#SUITES` | `S#<suiteId>` | — |
 * | suite version | `T#<team>#S#<suiteId>` | `V#<gen>#<version, 10 digits>#<writeId>` | — |
 * | run of a suite (index) | `T#<team>#S#<suiteId>` | `R#<runId>` | — |
 * | run | `T#<team>#R#<runId>` | `RUN` | `T#<team>#RUNS` / `<runId>` |
 * | result page | `T#<team>#R#<runId>` | `P#<slice, 6 digits>#<page, 4 digits>` | — |
 * | regression page | `T#<team>#R#<runId>` | `G#<page, 4 digits>` | — |
 * | active-run marker | `T#<team>#ACTIVE` | `<runId>` | `ACTIVE` / `<runId>` (sparse: only unfinished runs) |
 * @module
 */
import { InvalidInputError } from './repository.ts'

/** A primary key of the table */
export interface ItemKey {
  readonly pk: string
  readonly sk: string
  readonly [name: string]: string
}

/** Fails on ids that would break the key layout (empty, or containing `#`) */
export const checkId = (what: string, id: string): string => {
  if (id.length === 0 || id.length > 200 || id.includes('#'))
    throw new InvalidInputError(`invalid ${what} \`${id}\``)
  return id
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Largest slice index that fits the 6-digit sort key */
export const MAX_SLICE_INDEX = 999_999

/** Largest page count per slice that fits the 4-digit sort key */
export const MAX_PAGES = 9_999

/** The global GSI partition listing every team */
export const TEAMS_GSI_PK = 'TEAMS'

/** The global, sparse GSI partition listing unfinished runs */
export const ACTIVE_GSI_PK = 'ACTIVE'

/** A team's item */
export const teamKey = (teamId: string): ItemKey => ({ pk: `T#${checkId('team id', teamId)}`, sk: 'TEAM' })

/** A token's item, by hash */
export const tokenKey = (hash: string): ItemKey => {
  if (!/^[0-9a-f]{64}$/.test(hash))
    throw new InvalidInputError('a token hash must be 64 lowercase hex digits')
  return { pk: `TOKEN#${hash}`, sk: 'TOKEN' }
}

/** GSI partition of a team's tokens */
export const tokensGsiPk = (teamId: string): string => `T#${checkId('team id', teamId)}#TOKENS`

/** Partition of a team's suite heads */
export const suitesPk = (teamId: string): string => `T#${checkId('team id', teamId)}#SUITES`

/** A suite head */
export const suiteHeadKey = (teamId: string, suiteId: string): ItemKey => ({
  pk: suitesPk(teamId),
  sk: `S#${checkId('suite id', suiteId)}`,
})

/** Partition of one suite's versions and run index */
export const suitePk = (teamId: string, suiteId: string): string =>
  `T#${checkId('team id', teamId)}#S#${checkId('suite id', suiteId)}`

/** Sort-key prefix of the versions of one suite incarnation (`gen`), optionally of one version number */
export const versionSkPrefix = (gen: string, version?: number): string =>
  version === undefined ? `V#${gen}#` : `V#${gen}#${pad(version, 10)}#`

/** A suite version item */
export const versionKey = (
  teamId: string,
  suiteId: string,
  gen: string,
  version: number,
  writeId: string,
): ItemKey => ({ pk: suitePk(teamId, suiteId), sk: `${versionSkPrefix(gen, version)}${writeId}` })

/** Sort-key prefix of a suite's run index entries */
export const RUN_REF_PREFIX = 'R#'

/** A suite's index entry for one run */
export const runRefKey = (teamId: string, suiteId: string, runId: string): ItemKey => ({
  pk: suitePk(teamId, suiteId),
  sk: `${RUN_REF_PREFIX}${checkId('run id', runId)}`,
})

/** Partition of one run: the run, its result pages and its regression pages */
export const runPk = (teamId: string, runId: string): string =>
  `T#${checkId('team id', teamId)}#R#${checkId('run id', runId)}`

/** A run's item */
export const runKey = (teamId: string, runId: string): ItemKey => ({ pk: runPk(teamId, runId), sk: 'RUN' })

/** GSI partition of a team's runs */
export const runsGsiPk = (teamId: string): string => `T#${checkId('team id', teamId)}#RUNS`

/** Sort-key prefix of result pages */
export const PAGE_PREFIX = 'P#'

/** Sort-key prefix of one slice's result pages */
export const slicePagePrefix = (sliceIndex: number): string => `${PAGE_PREFIX}${pad(sliceIndex, 6)}#`

/** A result page */
export const resultPageKey = (teamId: string, runId: string, sliceIndex: number, page: number): ItemKey => ({
  pk: runPk(teamId, runId),
  sk: `${slicePagePrefix(sliceIndex)}${pad(page, 4)}`,
})

/** Sort-key prefix of regression pages */
export const REGRESSION_PREFIX = 'G#'

/** A regression page */
export const regressionPageKey = (teamId: string, runId: string, page: number): ItemKey => ({
  pk: runPk(teamId, runId),
  sk: `${REGRESSION_PREFIX}${pad(page, 4)}`,
})

/** A run's active marker (exists while the run is queued or running) */
export const activeKey = (teamId: string, runId: string): ItemKey => ({
  pk: `T#${checkId('team id', teamId)}#ACTIVE`,
  sk: checkId('run id', runId),
})
