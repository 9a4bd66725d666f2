/**
 * `npm start`: runs the local server until SIGINT or SIGTERM.
 * Usage: `tsx functions/local/main.ts [--port 3000] [--data-dir .iamspec] [--host 127.0.0.1]`
 * @module
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { localAwsEngine } from './aws-engine.ts'
import { startLocalServer } from './server.ts'

const usage =
  'usage: main.ts [--port <n>] [--data-dir <dir>] [--host <address>] [--no-examples] [--profile <name>] [--region <r>] [--aws-endpoint <url>]'

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      'data-dir': { type: 'string', default: '.iamspec' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-examples': { type: 'boolean', default: false },
      profile: { type: 'string' },
      region: { type: 'string' },
      'aws-endpoint': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port \`${values.port}\`\n${usage}`)
    process.exitCode = 2
    return
  }
  const dataDir = resolve(values['data-dir'])
  // Local mode never falls back to the EC2 instance metadata address for credentials
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true'
  const aws = await localAwsEngine({
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values['aws-endpoint'] ? { endpoint: values['aws-endpoint'] } : {}),
  })
  if ('disabled' in aws) console.log(aws.disabled)
  else console.log('aws credentials found: runs may use the AWS policy simulator (engines: ["local","aws"])')
  const server = await startLocalServer({
    ...('factory' in aws ? { awsEngine: aws.factory } : {}),
    port,
    dataDir,
    host: values.host,
    seedExamples: !values['no-examples'],
    log: (line) => console.log(line),
  })
  console.log(`iamspec is running at ${server.url} (data in ${dataDir})`)
  if (server.adminToken) {
    console.log(`admin token (shown once; saved in ${join(dataDir, 'admin-token')}): ${server.adminToken}`)
  }
  if (server.teamToken) {
    console.log(`token of team \`default\` (saved in ${join(dataDir, 'team-token')}): ${server.teamToken}`)
  }
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) {
      console.log(`${signal} again: exiting now`)
      process.exit(1)
    }
    stopping = true
    console.log(`${signal}: stopping`)
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
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
