/**
 * The one DynamoDB table (single-table design, architecture.md "Storage"): `pk`/`sk` keys, one GSI `gsi1`
 * on `gsi1pk`/`gsi1sk` (a team's runs and tokens, every team, unfinished runs) and TTL on `expiresAt`.
 * The key names must equal `TABLE_KEYS` of core/store/table.ts (the unit test checks); they are written
 * out here rather than imported so that SST's bundle of sst.config.ts never reaches into core/.
 * Billing is on demand (SST's default): nothing to pay at rest but storage.
 * @module
 */
import { RESOURCE_NAMES, TABLE_INDEX_NAME } from './resource-names.ts'

/** Creates the table */
export const createTable = (): sst.aws.Dynamo =>
  new sst.aws.Dynamo(RESOURCE_NAMES.table, {
    fields: { pk: 'string', sk: 'string', gsi1pk: 'string', gsi1sk: 'string' },
    primaryIndex: { hashKey: 'pk', rangeKey: 'sk' },
    globalIndexes: { [TABLE_INDEX_NAME]: { hashKey: 'gsi1pk', rangeKey: 'gsi1sk' } },
    ttl: 'expiresAt',
  })
