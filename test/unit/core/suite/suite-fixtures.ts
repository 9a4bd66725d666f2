/**
 * Helpers for suite tests: load a YAML suite or fail loudly, small policy snippets.
 * @module
 */
import { loadSuite } from '../../../../core/suite/load-suite.ts'
import type { LoadedSuite } from '../../../../core/suite/types.ts'

/** A policy document allowing everything, as YAML flow text */
export const ALLOW_ALL =
  '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }'

/** Loads YAML suite text; throws with the issues when it does not load */
export const loadYaml = (text: string, files: Record<string, string> = {}): LoadedSuite => {
  const result = loadSuite(text, { fileName: 'suite.yaml', readFile: (path) => files[path] })
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}
