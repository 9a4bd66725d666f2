/**
 * Writes the suite format's JSON Schema (generated from core/suite's zod schema) to schema/.
 * Run with `npm run schema`; a unit test fails when the committed file is out of date.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SUITE_SCHEMA_PATH, suiteJsonSchemaText } from '../core/suite/json-schema.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = resolve(root, SUITE_SCHEMA_PATH)
mkdirSync(dirname(target), { recursive: true })
writeFileSync(target, suiteJsonSchemaText())
console.log(`wrote ${SUITE_SCHEMA_PATH}`)
