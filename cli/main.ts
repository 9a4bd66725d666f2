/**
 * The entry point of the `iamspec` command (bundled into dist/cli.mjs by `npm run build:cli`):
 * runs the CLI on the process's arguments and sets the exit code. An unexpected error exits 2.
 * @module
 */
import { processIo } from './io.ts'
import { runCli } from './program.ts'

// AWS credentials never come from the EC2 instance metadata address (set before any AWS client exists)
process.env.AWS_EC2_METADATA_DISABLED ??= 'true'
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// A closed pipe (`iamspec run | head`) is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo())
} catch (error) {
  process.stderr.write(
    `iamspec: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 2
}
