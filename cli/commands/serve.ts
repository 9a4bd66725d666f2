/**
 * `iamspec serve`: the local server (API, dashboard, embedded store) until SIGINT or SIGTERM, the same
 * implementation as `npm start` (functions/local/serve.ts, imported only by this command). Prints the
 * URL and, on the start that makes them, the tokens. Exit 2 on a bad port; the command keeps running.
 * @module
 */
import type { AwsFlags } from '../aws/aws-session.ts'
import { colorWanted, palette } from '../colors.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import type { CliIo } from '../io.ts'

/** Options of `iamspec serve` */
export interface ServeCommandOptions extends AwsFlags {
  readonly port: string
  readonly dataDir: string
  readonly host: string
  readonly examples: boolean
}

/** Starts the server and returns once it serves (the process keeps running until a signal) */
export const serveCommand = async (options: ServeCommandOptions, io: CliIo): Promise<ExitCode> => {
  const err = palette(colorWanted(io.env, io.stderrIsTty))
  const { parsePort, runServe } = await import('../../functions/local/serve.ts')
  const port = parsePort(options.port)
  if (port === undefined) {
    io.err(`${err.red('error:')} invalid port \`${options.port}\`: give an integer from 0 to 65535\n`)
    return EXIT.invalid
  }
  try {
    await runServe({
      port,
      dataDir: options.dataDir,
      host: options.host,
      examples: options.examples,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.awsEndpoint ? { awsEndpoint: options.awsEndpoint } : {}),
      log: (line) => io.out(`${line}\n`),
    })
  } catch (error) {
    io.err(`${err.red('error:')} ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.invalid
  }
  return EXIT.ok
}
