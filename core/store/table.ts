/**
 * The one DynamoDB table: its key attribute names (which sst.config.ts must declare identically) and the
 * CreateTable input used for local and test tables.
 * @module
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb'

/** Attribute names of the table's keys, its one GSI and its TTL attribute */
export const TABLE_KEYS = {
  pk: 'pk',
  sk: 'sk',
  gsi: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  ttl: 'expiresAt',
} as const

/**
 * CreateTable input for a local or test table (on-demand billing, GSI projecting everything). TTL cannot be
 * part of CreateTable; emulators never expire items anyway, so reads filter `expiresAt` themselves.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: TABLE_KEYS.pk, AttributeType: 'S' },
    { AttributeName: TABLE_KEYS.sk, AttributeType: 'S' },
    { AttributeName: TABLE_KEYS.gsi.pk, AttributeType: 'S' },
    { AttributeName: TABLE_KEYS.gsi.sk, AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: TABLE_KEYS.pk, KeyType: 'HASH' },
    { AttributeName: TABLE_KEYS.sk, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: TABLE_KEYS.gsi.name,
      KeySchema: [
        { AttributeName: TABLE_KEYS.gsi.pk, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.gsi.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
})
