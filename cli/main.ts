/**
 * The entry point of the `iamspec` command (bundled into dist/cli.mjs by `npm run build:cli`):
 * runs the CLI on the process's arguments and sets the exit code. An unexpected error exits 2.
 * @module
 */
import { processIo } from './io.ts'
import { runCli } from './program.ts'

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
