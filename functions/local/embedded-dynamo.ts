/**
 * The local server's store: dynalite in-process on 127.0.0.1, on disk under `<dataDir>/dynamo` (LevelDB,
 * so data survives a restart), with the service's table created on first start. Clients always get
 * explicit fake credentials (never the instance metadata endpoint).
 * @module
 */
import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { createTableInput } from '../../core/store/index.ts'

type DynaliteFactory = (options: {
  createTableMs?: number
  deleteTableMs?: number
  updateTableMs?: number
  path?: string
}) => Server

/** The table name of local mode */
export const LOCAL_TABLE_NAME = 'iamspec'

/** A running embedded store */
export interface EmbeddedDynamo {
  readonly doc: DynamoDBDocumentClient
  readonly tableName: string
  /** True when the table was created by this start (a fresh data directory) */
  readonly created: boolean
  close(): Promise<void>
}

const isMissingTable = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ResourceNotFoundException'

/** Waits for the table to be ACTIVE: dynalite answers "not found" to item operations while it is CREATING */
const waitUntilActive = async (client: DynamoDBClient): Promise<void> => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const table = await client.send(new DescribeTableCommand({ TableName: LOCAL_TABLE_NAME }))
    if (table.Table?.TableStatus === 'ACTIVE') return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`table \`${LOCAL_TABLE_NAME}\` did not become active`)
}

/** Starts dynalite on `<dataDir>/dynamo` and makes sure the table exists */
export const startEmbeddedDynamo = async (dataDir: string): Promise<EmbeddedDynamo> => {
  const path = join(dataDir, 'dynamo')
  mkdirSync(path, { recursive: true })
  const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  })
  const doc = DynamoDBDocumentClient.from(client)
  const close = async (): Promise<void> => {
    doc.destroy()
    client.destroy()
    server.closeAllConnections?.()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  let created = false
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: LOCAL_TABLE_NAME }))
    } catch (error) {
      if (!isMissingTable(error)) throw error
      await client.send(new CreateTableCommand(createTableInput(LOCAL_TABLE_NAME)))
      created = true
    }
    await waitUntilActive(client)
  } catch (error) {
    await close()
    throw error
  }
  return { doc, tableName: LOCAL_TABLE_NAME, created, close }
}
