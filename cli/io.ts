/**
 * The terminal the CLI talks to: output streams, whether they are terminals, the environment and the
 * working directory. Commands write through this so tests can capture what they print.
 * @module
 */

/** Where the CLI writes and what it knows about its surroundings */
export interface CliIo {
  /** Writes to standard output, as is */
  readonly out: (text: string) => void
  /** Writes to standard error, as is */
  readonly err: (text: string) => void
  readonly stdoutIsTty: boolean
  readonly stderrIsTty: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
}

/** The process's own terminal */
export const processIo = (): CliIo => ({
  out: (text) => {
    process.stdout.write(text)
  },
  err: (text) => {
    process.stderr.write(text)
  },
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
})
