/**
 * DynamoDB persistence of teams, tokens, suites, versions, runs and results (single table).
 * @module
 */
export * from './dynamo-repository.ts'
export * from './ids.ts'
export * from './repository.ts'
export * from './table.ts'
