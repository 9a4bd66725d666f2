/**
 * The local server (`npm start`, `iamspec serve`): one node:http server on one origin. `/api/*` becomes
 * an API Gateway v2 event for the very same handler as on AWS (functions/api.ts); everything else is the
 * dashboard's static build. The store is dynalite on disk under `<dataDir>/dynamo`; runs are evaluated
 * in-process. Runs left queued or running by a previous process are marked failed at start.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context } from 'aws-lambda'
import { type AwsEngineFactory, sweepStaleRuns } from '../../core/runs/index.ts'
import { createDynamoRepository, type Repository } from '../../core/store/index.ts'
import { handler } from '../api.ts'
import { errorResponse } from '../http/error-middleware.ts'
import { registerServices, unregisterServices } from '../services/services.ts'
import { hashToken } from '../services/tokens.ts'
import { createDefaultTeam, ensureAdminToken } from './bootstrap.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.ts'
import { toApiEvent, writeApiResult } from './http-event.ts'
import { createLocalServices } from './local-services.ts'
import { seedExamples } from './seed-examples.ts'
import { serveStatic } from './static-files.ts'

/** The repository root (functions/local/../..) */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Bodies above this are refused before reaching the handler (which itself refuses over 1 MB) */
const LOCAL_BODY_CAP = 6 * 1024 * 1024

/** How to start the local server */
export interface LocalServerOptions {
  /** 0 picks a free port */
  readonly port: number
  readonly dataDir: string
  /** Default 127.0.0.1 */
  readonly host?: string
  /** Seed examples/*.iamspec.yaml into the default team on first start; default true */
  readonly seedExamples?: boolean
  /** Where progress goes; default console.log. Tokens are never logged: they are returned */
  readonly log?: (line: string) => void
  /** Default `<repo>/examples` */
  readonly examplesDir?: string
  /** The dashboard's build; default `<repo>/web/dist` */
  readonly webDir?: string
  /** Slices evaluated at once; default 2 */
  readonly concurrency?: number
  /** Checks per slice; default 500 */
  readonly sliceSize?: number
  /** The AWS engine, when one exists (the seam of `enginesFor`) */
  readonly awsEngine?: AwsEngineFactory
}

/** A running local server */
export interface LocalServer {
  /** `http://host:port` */
  readonly url: string
  /** Set only on the start that generated it (print it once) */
  readonly adminToken?: string
  /** The default team's token, set only on the start that created the team */
  readonly teamToken?: string
  /** Stops serving, lets running slices finish, closes the store */
  close(): Promise<void>
}

/** True when the AWS SDK would find credentials (environment, profile files, container or web identity) */
/** A Lambda context for local invocations; no deadline, so middy sets no timeout */
const lambdaContext = (requestId: string): Context =>
  ({
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'iamspec-local-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:iamspec-local-api',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: 'local',
    logStreamName: 'local',
  }) as unknown as Context

/** Reads a request body up to `cap` bytes; undefined when it is larger */
const readBody = (req: IncomingMessage, cap: number): Promise<Buffer | undefined> =>
  new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > cap) over = true
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => resolveBody(over ? undefined : Buffer.concat(chunks)))
    req.on('error', reject)
  })

/** Answers `/api/*` with the API handler and everything else with the dashboard */
const requestListener = (webDir: string, apiId: string, log: (line: string) => void) => {
  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    if (path !== '/api' && !path.startsWith('/api/')) {
      serveStatic(webDir, req, res, path)
      return
    }
    const body = await readBody(req, LOCAL_BODY_CAP)
    if (!body) {
      res.setHeader('connection', 'close')
      const message = 'the body is over the limit of 1048576 bytes'
      writeApiResult(res, errorResponse({ status: 413, code: 'too-large', message }), false)
      return
    }
    const event = toApiEvent(req, { path: path.slice(4) || '/', query: url.search.slice(1) }, body, apiId)
    const result = await handler(event, lambdaContext(event.requestContext.requestId))
    writeApiResult(res, result, req.method === 'HEAD')
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    onRequest(req, res).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`)
      if (res.headersSent) res.destroy()
      else
        writeApiResult(
          res,
          errorResponse({ status: 500, code: 'internal', message: 'internal error' }),
          false,
        )
    })
  }
}

/**
 * Start-up chores on the store: fail runs a previous process left unfinished; on a fresh store (or one
 * whose first start died before it), create the default team and seed the examples
 */
const prepareStore = async (
  repo: Repository,
  fresh: boolean,
  options: LocalServerOptions,
  dataDir: string,
  log: (line: string) => void,
): Promise<{ readonly teamToken?: string }> => {
  const swept = await sweepStaleRuns(
    { repo },
    new Date(Date.now() + 1000),
    'the server stopped before the run finished',
  )
  if (swept > 0) log(`marked ${swept} unfinished run(s) from before the restart as failed`)
  const unset =
    fresh ||
    (!existsSync(join(dataDir, 'team-token')) && (await repo.listTeams({ limit: 1 })).items.length === 0)
  if (!unset) return {}
  const team = await createDefaultTeam(repo, dataDir)
  if (options.seedExamples ?? true) {
    const seeded = await seedExamples(repo, team.teamId, options.examplesDir ?? join(ROOT, 'examples'), log)
    if (seeded.length > 0) log(`seeded example suites: ${seeded.join(', ')}`)
  }
  return { teamToken: team.token }
}

const listen = (server: Server, port: number, host: string): Promise<string> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
      resolveListen(`http://${shown}:${address.port}`)
    })
  })

/** Starts the local server */
export const startLocalServer = async (options: LocalServerOptions): Promise<LocalServer> => {
  process.env.AWS_EC2_METADATA_DISABLED = 'true'
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const lock = lockDataDir(dataDir)
  let dynamo: EmbeddedDynamo
  try {
    dynamo = await startEmbeddedDynamo(dataDir)
  } catch (error) {
    lock.release()
    throw error
  }
  const repo = createDynamoRepository({ client: dynamo.doc, tableName: dynamo.tableName })
  const admin = ensureAdminToken(dataDir)
  const { services, queue } = createLocalServices({
    repo,
    adminTokenHash: hashToken(admin.token),
    log,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.sliceSize ? { sliceSize: options.sliceSize } : {}),
    ...(options.awsEngine ? { awsEngine: options.awsEngine } : {}),
  })
  const apiId = `local-${randomUUID()}`
  const server = createServer(requestListener(options.webDir ?? join(ROOT, 'web', 'dist'), apiId, log))
  server.keepAliveTimeout = 5000
  const shutdown = async (): Promise<void> => {
    await new Promise<void>((done) => {
      server.close(() => done())
      server.closeAllConnections()
    })
    await queue.close()
    unregisterServices(apiId)
    await dynamo.close()
    lock.release()
  }
  try {
    const { teamToken } = await prepareStore(repo, dynamo.created, options, dataDir, log)
    registerServices(apiId, services)
    const url = await listen(server, options.port, options.host ?? '127.0.0.1')
    let closing: Promise<void> | undefined
    return {
      url,
      ...(admin.created ? { adminToken: admin.token } : {}),
      ...(teamToken ? { teamToken } : {}),
      close: () => {
        closing ??= shutdown()
        return closing
      },
    }
  } catch (error) {
    await shutdown()
    throw error
  }
}
