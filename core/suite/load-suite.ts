/**
 * Loading a suite: text (YAML or JSON) to a validated LoadedSuite, or every problem at once, each
 * with its path (`cases[3].expect`), file, line and column. Pure: files named by `file:` references
 * are read through the injected reader.
 * @module
 */
import { parseJsonSource } from '../policy/index.ts'
import type { Issue, Result } from '../policy/issue.ts'
import { fromPlainValue, type SourceNode, toPlainValue } from '../policy/source-node.ts'
import { buildSuiteParts } from './build-suite.ts'
import type { FileReader, RefContext } from './policy-refs.ts'
import { suiteSchema } from './schema.ts'
import { schemaIssues } from './schema-issues.ts'
import { member } from './source-path.ts'
import type { LoadedSuite } from './types.ts'
import { parseYamlSource } from './yaml-source.ts'

/** How to load a suite */
export interface LoadSuiteOptions {
  /** The suite's file name, used in issues and to place `file:` references */
  readonly fileName: string
  /** The text's format; by default `.json` files are JSON and everything else YAML */
  readonly format?: 'yaml' | 'json'
  /** Reads a file named relative to the suite file (CLI); without it `file:` references are errors */
  readonly readFile?: FileReader
}

/** The format a suite file is read as */
export const suiteFormatOf = (options: LoadSuiteOptions): 'yaml' | 'json' =>
  options.format ?? (/\.json$/i.test(options.fileName) ? 'json' : 'yaml')

/** Orders issues: the suite file's first, each file's by position */
const byPosition =
  (file: string) =>
  (a: Issue, b: Issue): number =>
    (a.file === file ? 0 : 1) - (b.file === file ? 0 : 1) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.span?.line ?? 0) - (b.span?.line ?? 0) ||
    (a.span?.column ?? 0) - (b.span?.column ?? 0)

/** Validates and loads a suite from its source tree (from either parser, or fromPlainValue) */
export const loadSuiteNode = (root: SourceNode, options: LoadSuiteOptions): Result<LoadedSuite> => {
  const file = options.fileName
  const parsed = suiteSchema.safeParse(toPlainValue(root))
  const issues: Issue[] = parsed.success ? [] : schemaIssues(parsed.error.issues, root, suiteSchema, file)
  const ctx: RefContext = { file, readFile: options.readFile, issues: [], cache: new Map() }
  const parts = buildSuiteParts(root, ctx)
  issues.push(...ctx.issues)
  if (!parsed.success || issues.length > 0) return { ok: false, issues: issues.sort(byPosition(file)) }
  const definition = parsed.data
  const idSpan = member(root, 'suite')?.span
  return {
    ok: true,
    value: {
      id: definition.suite,
      ...(idSpan && idSpan.line > 0 ? { idSpan } : {}),
      description: definition.description,
      tags: definition.tags ?? [],
      ...parts,
      definition,
    },
  }
}

/** Loads a suite from its text: parse, validate against the schema, parse policies, check references */
export const loadSuite = (text: string, options: LoadSuiteOptions): Result<LoadedSuite> => {
  const format = suiteFormatOf(options)
  const root = format === 'json' ? parseJsonSource(text) : parseYamlSource(text, { file: options.fileName })
  if (!root.ok) {
    return { ok: false, issues: root.issues.map((i) => ({ ...i, file: i.file ?? options.fileName })) }
  }
  return loadSuiteNode(root.value, options)
}

/** Loads a suite given as a plain value (an API body already parsed); issues have paths but no lines */
export const loadSuiteValue = (value: unknown, options: LoadSuiteOptions): Result<LoadedSuite> =>
  loadSuiteNode(fromPlainValue(value), options)
