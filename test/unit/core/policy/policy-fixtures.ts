/**
 * Shared policy fixtures and helpers for the validation tests.
 * @module
 */
import { fromPlainValue } from '../../../../core/policy/source-node.ts'
import type { PolicyDocument, PolicyKind } from '../../../../core/policy/types.ts'
import { validatePolicy } from '../../../../core/policy/validate-policy.ts'

/** A policy variable reference, `${key}` */
export const variable = (key: string): string => '$' + '{' + key + '}'

/** A minimal valid identity statement */
export const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
/** A minimal valid trust statement */
export const TRUST = {
  Effect: 'Allow',
  Principal: { Service: 'ec2.amazonaws.com' },
  Action: 'sts:AssumeRole',
}
/** A minimal valid resource-policy statement */
export const RESOURCE = {
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
}

/** A policy document around a statement (or statement list) */
export const doc = (statement: unknown, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  ...extra,
  Statement: statement,
})

/** A policy with one statement: `base` with `fields` merged in (an undefined field removes the element) */
export const withStatement = (fields: Record<string, unknown>, base: Record<string, unknown> = ALLOW) => {
  const merged: Record<string, unknown> = { ...base, ...fields }
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete merged[k]
  return doc(merged)
}

/** An issue reduced to its code and path */
export type Found = readonly [code: string, path: string]

/** A table row: description, policy kind, document, expected errors */
export type RuleCase = [string, PolicyKind, unknown, Found[]]

/** Validates a plain value */
export const run = (value: unknown, kind: PolicyKind) => validatePolicy(fromPlainValue(value), kind)

/** The errors (code and path) of validating a plain value; warnings are left out */
export const errorsOf = (value: unknown, kind: PolicyKind): Found[] => {
  const result = run(value, kind)
  const issues = result.ok ? [] : result.issues.filter((i) => i.severity === 'error')
  return issues.map((i) => [i.code, i.path])
}

/** The validated document, or a thrown error listing the issues */
export const valid = (value: unknown, kind: PolicyKind): PolicyDocument => {
  const result = run(value, kind)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return result.value
}
