#!/usr/bin/env node
// Fails when a pure core folder imports the AWS SDK, Lambda types, sst, or Node built-ins.
import { findBoundaryViolations } from './boundaries.mjs'

const violations = findBoundaryViolations(process.cwd())
for (const v of violations)
  console.error(`${v.file}:${v.line}: \`${v.specifier}\` may not be imported from ${v.folder} (${v.rule})`)
if (violations.length > 0) {
  console.error(`${violations.length} boundary violation(s)`)
  process.exit(1)
}
console.log('boundaries ok: core/policy, core/evaluator and core/suite are pure')
