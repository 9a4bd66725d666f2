/**
 * `tsx functions/local/main.ts`: runs the local server until SIGINT or SIGTERM (the same
 * implementation as `iamspec serve`, functions/local/serve.ts).
 * Usage: `tsx functions/local/main.ts [--port 3000] [--data-dir .iamspec] [--host 127.0.0.1]`
 * @module
 */
import { parseArgs } from 'node:util'
import { parsePort, runServe } from './serve.ts'

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
  const port = parsePort(values.port)
  if (port === undefined) {
    console.error(`invalid port \`${values.port}\`\n${usage}`)
    process.exitCode = 2
    return
  }
  await runServe({
    port,
    dataDir: values['data-dir'],
    host: values.host,
    examples: !values['no-examples'],
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values['aws-endpoint'] ? { awsEndpoint: values['aws-endpoint'] } : {}),
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
