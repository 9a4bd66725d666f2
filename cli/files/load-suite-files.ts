/**
 * Loading suite files from disk: each file through core/suite's loadSuite, with a reader for the
 * policy files it names (relative to the suite file). Collects every problem of every file, and
 * reports a suite id used by two files (results and JUnit test suites are keyed by it).
 * @module
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { formatPlace, type Issue } from '../../core/policy/index.ts'
import { type LoadedSuite, loadSuite } from '../../core/suite/index.ts'
import type { FoundFile } from './find-suite-files.ts'

/** The suites that loaded, and every problem met */
export interface LoadedSuites {
  readonly suites: readonly LoadedSuite[]
  /** Errors stop a run; warnings (from the loader) do not */
  readonly issues: readonly Issue[]
}

/** Reads a text file; undefined when it cannot be read */
export const readTextFile = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Loads one suite file; policy `file:` references are read relative to it */
export const loadSuiteFile = (file: FoundFile): LoadedSuites => {
  const text = readTextFile(file.absolute)
  if (text === undefined) {
    const issue: Issue = {
      code: 'missing-reference',
      message: 'cannot read the file',
      path: '',
      file: file.display,
      severity: 'error',
    }
    return { suites: [], issues: [issue] }
  }
  const base = dirname(file.absolute)
  const loaded = loadSuite(text, {
    fileName: file.display,
    readFile: (relativePath) => readTextFile(resolve(base, relativePath)),
  })
  if (!loaded.ok) return { suites: [], issues: loaded.issues }
  return { suites: [loaded.value], issues: loaded.warnings ?? [] }
}

/** Loads every file; a suite id already used by an earlier file is an error */
export const loadSuiteFiles = (files: readonly FoundFile[]): LoadedSuites => {
  const suites: LoadedSuite[] = []
  const issues: Issue[] = []
  const byId = new Map<string, LoadedSuite>()
  for (const file of files) {
    const loaded = loadSuiteFile(file)
    issues.push(...loaded.issues)
    for (const suite of loaded.suites) {
      const other = byId.get(suite.id)
      if (other !== undefined) {
        issues.push({
          code: 'duplicate-name',
          message: `suite id \`${suite.id}\` is already used by \`${formatPlace(other.file, other.idSpan)}\``,
          path: 'suite',
          ...(suite.idSpan ? { span: suite.idSpan } : {}),
          file: file.display,
          severity: 'error',
        })
        continue
      }
      byId.set(suite.id, suite)
      suites.push(suite)
    }
  }
  return { suites, issues }
}
