/**
 * `iamspec schema`: prints the suite JSON Schema (the same text as schema/iamspec-suite.schema.json),
 * for editors: `# yaml-language-server: $schema=...`.
 * @module
 */
import { suiteJsonSchemaText } from '../../core/suite/index.ts'
import { EXIT, type ExitCode } from '../exit-codes.ts'
import { writeOutputFile } from '../files/write-output.ts'
import type { CliIo } from '../io.ts'

/** Runs `iamspec schema` and returns the exit code */
export const schemaCommand = (options: { readonly out?: string }, io: CliIo): ExitCode => {
  const text = suiteJsonSchemaText()
  if (options.out === undefined) {
    io.out(text)
    return EXIT.ok
  }
  const problem = writeOutputFile(io.cwd, options.out, text)
  if (problem) {
    io.err(`error: ${problem}\n`)
    return EXIT.invalid
  }
  return EXIT.ok
}
