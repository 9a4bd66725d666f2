/**
 * Writing a report to the file `--out` names, creating its directory; a failure is a one-line message.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** Writes text to a file relative to cwd; returns an error message, or undefined on success */
export const writeOutputFile = (cwd: string, file: string, text: string): string | undefined => {
  const path = resolve(cwd, file)
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    return undefined
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return `cannot write \`${file}\`: ${reason}`
  }
}
