/**
 * Shared helpers for the snapshot tests: the real snapshots in /work/shared/fixtures/account-snapshots
 * and the example snapshot, read from disk.
 * @module
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAccountSnapshot } from '../../../../../core/aws/snapshot/parse-snapshot.ts'
import type { AccountSnapshot } from '../../../../../core/aws/snapshot/types.ts'

/** The directory of real snapshots written by other projects */
export const FIXTURE_DIR = '/work/shared/fixtures/account-snapshots'

/** The fixture files */
export const FIXTURES = [
  'cloudsplaining-example.json',
  'cloudsplaining-authz-details.json',
  'iamspy-role-boundary.json',
] as const

/** The text of a fixture */
export const fixtureText = (name: string): string => readFileSync(join(FIXTURE_DIR, name), 'utf8')

/** The example snapshot shipped in examples/snapshots */
export const EXAMPLE_PATH = fileURLToPath(
  new URL('../../../../../examples/snapshots/acme-dev.json', import.meta.url),
)

/** Parses snapshot text that must parse */
export const parseOk = (text: string, file = 'test.json'): AccountSnapshot => {
  const result = parseAccountSnapshot(text, file)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}

/** A JSON value's policy documents (inline, trust and managed) replaced by `encode(document)` */
export const mapDocuments = (json: unknown, encode: (doc: unknown) => unknown): unknown => {
  if (Array.isArray(json)) return json.map((item) => mapDocuments(item, encode))
  if (typeof json !== 'object' || json === null) return json
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) =>
      ['PolicyDocument', 'AssumeRolePolicyDocument', 'Document'].includes(key)
        ? [key, encode(value)]
        : [key, mapDocuments(value, encode)],
    ),
  )
}
