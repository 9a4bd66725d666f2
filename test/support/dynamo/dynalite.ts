/**
 * dynalite in-process on 127.0.0.1 and a free port, in memory: the fast DynamoDB stand-in (no transactions,
 * no UpdateTimeToLive; see shared/reference/toolchain.md).
 * @module
 */
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { type DynamoBackend, makeBackend } from './backend.ts'

type DynaliteFactory = (options: {
  createTableMs?: number
  deleteTableMs?: number
  updateTableMs?: number
  path?: string
}) => Server

const require = createRequire(import.meta.url)

/** Starts dynalite (in memory, or on disk at `path`) and returns its backend */
export const startDynalite = async (options: { readonly path?: string } = {}): Promise<DynamoBackend> => {
  const dynalite = require('dynalite') as DynaliteFactory
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return makeBackend('dynalite', `http://127.0.0.1:${port}`, async () => {
    server.closeAllConnections?.()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
}
