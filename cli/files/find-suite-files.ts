/**
 * Finding suite files: every `*.iamspec.yaml`, `*.iamspec.yml` and `*.iamspec.json` under the given
 * directories (recursively, skipping `node_modules` and `.git`), plus any file named directly
 * whatever its name. Paths are reported relative to the working directory, with `/` separators.
 * @module
 */
import { readdirSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/** The names a directory walk picks up */
export const SUITE_FILE_PATTERN = /\.iamspec\.(ya?ml|json)$/i

/** Directories a walk never enters */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git'])

/** A file to load: how it is shown, and where it is */
export interface FoundFile {
  /** The path as shown in messages and reports: relative to the working directory when inside it */
  readonly display: string
  readonly absolute: string
}

/** Suite files found, and the paths that could not be used */
export interface FoundFiles {
  readonly files: readonly FoundFile[]
  /** One-line problems: a path that does not exist, a directory without suites */
  readonly problems: readonly string[]
}

/** How a path is shown: relative to cwd when inside it, `/`-separated */
export const displayPath = (absolute: string, cwd: string): string => {
  const rel = relative(cwd, absolute)
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel
  return sep === '/' ? shown : shown.split(sep).join('/')
}

const walk = (dir: string, out: string[]): void => {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, out)
    } else if (entry.isFile() && SUITE_FILE_PATTERN.test(entry.name)) out.push(path)
  }
}

/** Finds the suite files named by paths (default: the working directory), in a stable order */
export const findSuiteFiles = (paths: readonly string[], cwd: string): FoundFiles => {
  const seen = new Set<string>()
  const files: FoundFile[] = []
  const problems: string[] = []
  const add = (absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({ display: displayPath(absolute, cwd), absolute })
  }
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = resolve(cwd, given)
    let isDirectory: boolean
    try {
      isDirectory = statSync(absolute).isDirectory()
    } catch {
      problems.push(`\`${given}\` does not exist`)
      continue
    }
    if (!isDirectory) {
      add(absolute)
      continue
    }
    const found: string[] = []
    walk(absolute, found)
    if (found.length === 0)
      problems.push(
        `no suite files (\`*.iamspec.yaml\`, \`*.iamspec.yml\`, \`*.iamspec.json\`) in \`${given}\``,
      )
    for (const file of found) add(file)
  }
  return { files, problems }
}
