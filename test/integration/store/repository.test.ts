/**
 * The store repository, end to end, against every available backend: dynalite in-process always, and
 * DynamoDB Local (Java) when `java` is on PATH unless IAMSPEC_SKIP_DYNAMODB_LOCAL=1.
 * @module
 */
import { afterAll, beforeAll, describe } from 'vitest'
import type { DynamoBackend } from '../../support/dynamo/backend.ts'
import { backendCases, makeHarness } from './fixtures.ts'
import { defineResultCases } from './result-cases.ts'
import { defineRunCases } from './run-cases.ts'
import { defineSuiteCases, type StoreEnv } from './suite-cases.ts'

describe.each(backendCases())('store repository on $name', (backendCase) => {
  let backend: DynamoBackend | undefined
  let table = ''
  beforeAll(async () => {
    backend = await backendCase.start()
    table = await backend.createTable()
  }, 60_000)
  afterAll(async () => {
    await backend?.stop()
  })
  const env: StoreEnv = {
    harness: (options = {}) => {
      if (backend === undefined) throw new Error('backend not started')
      return makeHarness(backend, table, options)
    },
    largeRun: backendCase.largeRun,
  }
  defineSuiteCases(env)
  defineRunCases(env)
  defineResultCases(env)
})
