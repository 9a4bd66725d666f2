/**
 * Serving locally until SIGINT or SIGTERM: the one implementation behind `npm start`
 * (functions/local/main.ts) and `iamspec serve`. Resolves the AWS engine from the caller's credentials
 * (never the EC2 metadata address), starts the local server and prints its URL and tokens.
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { localAwsEngine } from './aws-engine.ts'
import { type LocalServer, startLocalServer } from './server.ts'

/** What `runServe` starts */
export interface ServeOptions {
  /** 0 picks a free port */
  readonly port: number
  /** The data directory (relative to the working directory) */
  readonly dataDir: string
  readonly host: string
  /** Seed the examples into the default team on first start */
  readonly examples: boolean
  readonly profile?: string
  readonly region?: string
  /** An IAM endpoint instead of iam.amazonaws.com */
  readonly awsEndpoint?: string
  /** Where lines go; default console.log */
  readonly log?: (line: string) => void
  /** Stop on SIGINT/SIGTERM and exit the process; default true */
  readonly handleSignals?: boolean
}

/** The package root: the nearest folder above this module holding examples/ (works from dist/ too) */
export const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '../..')
    dir = parent
  }
}

/** Parses a port option: an integer 0–65535, else undefined */
export const parsePort = (text: string): number | undefined => {
  const port = Number(text)
  return /^\d+$/.test(text.trim()) && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined
}

/** Starts the local server as `npm start` does and prints its URL and tokens; returns the server */
export const runServe = async (options: ServeOptions): Promise<LocalServer> => {
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = resolve(options.dataDir)
  const root = packageRoot()
  // Local mode never falls back to the EC2 instance metadata address for credentials
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true'
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const aws = await localAwsEngine({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.awsEndpoint ? { endpoint: options.awsEndpoint } : {}),
  })
  if ('disabled' in aws) log(aws.disabled)
  else log('aws credentials found: runs may use the AWS policy simulator (engines: ["local","aws"])')
  const server = await startLocalServer({
    ...('factory' in aws ? { awsEngine: aws.factory } : {}),
    port: options.port,
    dataDir,
    host: options.host,
    seedExamples: options.examples,
    examplesDir: join(root, 'examples'),
    webDir: join(root, 'web', 'dist'),
    log,
  })
  log(`iamspec is running at ${server.url} (data in ${dataDir})`)
  if (server.adminToken) {
    log(`admin token (shown once; saved in ${join(dataDir, 'admin-token')}): ${server.adminToken}`)
  }
  if (server.teamToken) {
    log(`token of team \`default\` (saved in ${join(dataDir, 'team-token')}): ${server.teamToken}`)
  }
  if (options.handleSignals === false) return server
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: exiting now`)
      process.exit(1)
    }
    stopping = true
    log(`${signal}: stopping`)
    server.close().then(
      () => {
        if ('close' in aws) aws.close()
        process.exit(0)
      },
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  return server
}
