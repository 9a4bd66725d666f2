/**
 * `iamspec snapshot [--out FILE]`: reads the whole account (GetAccountAuthorizationDetails, paged)
 * and writes it as `aws iam get-account-authorization-details` prints it, for `run --snapshot`.
 * Exit 0 when written, 2 on a credentials or AWS error (`<code>: <message>`) or an unwritable file.
 * @module
 */
import { type AwsFlags, awsFailureText, openAwsSession } from '../aws/aws-session.ts'
import { colorWanted, palette } from '../colors.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import { writeOutputFile } from '../files/write-output.ts'
import type { CliIo } from '../io.ts'

/** Options of `iamspec snapshot` */
export interface SnapshotCommandOptions extends AwsFlags {
  readonly out?: string
}

/** Runs `iamspec snapshot` and returns the exit code */
export const snapshotCommand = async (options: SnapshotCommandOptions, io: CliIo): Promise<ExitCode> => {
  const err = palette(colorWanted(io.env, io.stderrIsTty))
  const fail = (message: string): ExitCode => {
    io.err(`${err.red('error:')} ${message}\n`)
    return EXIT.invalid
  }
  const session = await openAwsSession(options)
  if (!session.ok) return fail(session.message)
  const { client } = session
  try {
    const { writeSnapshot } = await import('../../core/aws/index.ts')
    let text: string
    try {
      text = await writeSnapshot(client)
    } catch (error) {
      return fail(await awsFailureText(error))
    }
    if (options.out === undefined) {
      io.out(text)
      return EXIT.ok
    }
    const problem = writeOutputFile(io.cwd, options.out, text)
    if (problem) return fail(problem)
    io.err(`wrote the account snapshot to \`${options.out}\`\n`)
    return EXIT.ok
  } finally {
    client.destroy()
  }
}
