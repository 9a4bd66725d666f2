/**
 * What a local DynamoDB-compatible server gives a test: clients with explicit fake credentials (never the
 * instance metadata endpoint), table creation from core/store/table.ts, and teardown.
 * @module
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { createTableInput } from '../../../core/store/table.ts'

/** A running local DynamoDB-compatible server */
export interface DynamoBackend {
  /** `dynalite` or `dynamodb-local` */
  readonly name: string
  readonly endpoint: string
  readonly client: DynamoDBClient
  readonly doc: DynamoDBDocumentClient
  /** Creates a table shaped like the service's (createTableInput) and returns its name */
  createTable(tableName?: string): Promise<string>
  /** Deletes a table */
  deleteTable(tableName: string): Promise<void>
  /** Destroys the clients and stops the server */
  stop(): Promise<void>
}

/** Fake credentials for local servers */
export const FAKE_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const

let tableCounter = 0

/** A DynamoDB client for a local endpoint: region us-east-1, fake credentials, few retries */
export const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 3 })

/** Wraps a started server into a backend */
export const makeBackend = (
  name: string,
  endpoint: string,
  stopServer: () => Promise<void>,
): DynamoBackend => {
  const client = localClient(endpoint)
  const doc = DynamoDBDocumentClient.from(client)
  return {
    name,
    endpoint,
    client,
    doc,
    createTable: async (tableName = `t${process.pid}-${Date.now()}-${tableCounter++}`) => {
      await client.send(new CreateTableCommand(createTableInput(tableName)))
      return tableName
    },
    deleteTable: async (tableName) => {
      await client.send(new DeleteTableCommand({ TableName: tableName }))
    },
    stop: async () => {
      doc.destroy()
      client.destroy()
      await stopServer()
    },
  }
}
