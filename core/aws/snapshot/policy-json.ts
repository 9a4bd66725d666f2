/**
 * Writes a validated PolicyDocument back as policy JSON, for snapshots built from parsed policies.
 * The result is equivalent for IAM, not byte-identical: one-element lists become strings and
 * condition values are written as the strings IAM compares.
 * @module
 */
import type { ConditionTest, PolicyDocument, PrincipalSet, Statement } from '../../policy/index.ts'

/** Policy JSON as IAM stores it */
export type PolicyJson = Record<string, unknown>

const list = (values: readonly string[]): string | string[] =>
  values.length === 1 ? values[0]! : [...values]

const principalJson = (set: PrincipalSet): unknown => {
  const keys: [string, readonly string[]][] = [
    ['AWS', set.aws],
    ['Service', set.service],
    ['Federated', set.federated],
    ['CanonicalUser', set.canonicalUser],
  ]
  const present = keys.filter(([, values]) => values.length > 0)
  if (set.everyone && present.length === 0) return '*'
  return Object.fromEntries(present.map(([key, values]) => [key, list(values)]))
}

const conditionJson = (tests: readonly ConditionTest[]): Record<string, Record<string, unknown>> => {
  const out: Record<string, Record<string, unknown>> = {}
  for (const test of tests) {
    out[test.operator] = { ...out[test.operator], [test.key]: list(test.values) }
  }
  return out
}

const statementJson = (s: Statement): PolicyJson => ({
  ...(s.sid === undefined ? {} : { Sid: s.sid }),
  Effect: s.effect,
  ...(s.principal === undefined ? {} : { Principal: principalJson(s.principal) }),
  ...(s.notPrincipal === undefined ? {} : { NotPrincipal: principalJson(s.notPrincipal) }),
  ...(s.action === undefined ? {} : { Action: list(s.action) }),
  ...(s.notAction === undefined ? {} : { NotAction: list(s.notAction) }),
  ...(s.resource === undefined ? {} : { Resource: list(s.resource) }),
  ...(s.notResource === undefined ? {} : { NotResource: list(s.notResource) }),
  ...(s.conditions.length === 0 ? {} : { Condition: conditionJson(s.conditions) }),
})

/** The JSON form of a validated document */
export const policyDocumentToJson = (doc: PolicyDocument): PolicyJson => ({
  ...(doc.version === undefined ? {} : { Version: doc.version }),
  ...(doc.id === undefined ? {} : { Id: doc.id }),
  Statement: doc.statements.map(statementJson),
})
