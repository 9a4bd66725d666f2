/**
 * The reference interpreter of one condition test: the rules of evaluate-condition.ts written as
 * directly as possible, with nothing precompiled or cached. Property tests check that the compiled
 * path agrees with it.
 * @module
 */

import type { ConditionTest, PolicyVersion } from '../../policy/types.ts'
import { contextKey } from '../context-key.ts'
import { parseTemplate, substituteVariables, usesVariables } from '../policy-variables.ts'
import type { EvaluationError, RequestContext, TraceOutcome } from '../types.ts'
import {
  multivaluedVariableError,
  policyValueError,
  requestValueError,
  unknownOperatorError,
} from './errors.ts'
import type { ValueMatcher } from './operator.ts'
import { parseBoolean } from './operators/bool.ts'
import type { ConditionReason } from './reasons.ts'
import { findConditionOperator } from './registry.ts'
import { conditionDetail } from './test-result.ts'
import type { ConditionTestResult } from './types.ts'

/** Evaluates one condition test by direct interpretation (slow; for tests and cross-checks) */
export const evaluateConditionTestReference = (
  test: ConditionTest,
  context: RequestContext,
  version: PolicyVersion,
  trace = false,
): ConditionTestResult => {
  const key = contextKey(test.key)
  const entry = context.get(key)
  const values = entry?.values ?? []
  const missingKey = entry === undefined ? key : undefined
  const errors: EvaluationError[] = []
  const unresolved: string[] = []
  let shown: readonly (string | null)[] = test.values
  const finish = (matched: boolean, reason: ConditionReason, outcome?: TraceOutcome, implicit = false) => ({
    matched,
    missingKey,
    unresolvedVariables: unresolved,
    errors,
    ...(trace
      ? {
          detail: conditionDetail(
            test,
            shown,
            entry?.values,
            outcome ?? (matched ? 'match' : 'noMatch'),
            reason,
            implicit,
          ),
        }
      : {}),
  })

  const op = findConditionOperator(test.baseOperator)
  if (op === undefined) {
    errors.push(unknownOperatorError(test))
    return finish(false, 'operator-unknown', 'error')
  }
  const isNull = values.every((v) => v === '')

  if (op.family === 'null') {
    let matched = false
    for (const text of test.values) {
      const wanted = parseBoolean(text)
      if (wanted === undefined) errors.push(policyValueError(op, test, text))
      else if (wanted === isNull) matched = true
    }
    return finish(matched, isNull ? 'null-key-absent' : 'null-key-present')
  }

  // Policy values: substituted only when the operator allows variables and the Version is 2012-10-17
  const templated = test.values.map((text) =>
    op.allowsVariables && usesVariables(text, version) ? parseTemplate(text) : undefined,
  )
  const literal = (i: number): string | null => {
    const parts = templated[i]
    if (parts === undefined) return test.values[i]!
    const sub = substituteVariables(parts, context, 'literal')
    return sub.ok ? sub.text : null
  }
  shown = test.values.map((_, i) => literal(i))
  const hasVariable = templated.map((parts) => parts?.some((p) => 'key' in p) === true)
  const matchers: (ValueMatcher | undefined)[] = test.values.map(() => undefined)
  const compileAt = (i: number, context: RequestContext) => {
    const parts = templated[i]
    if (parts === undefined) {
      matchers[i] = op.compile(test.values[i]!)
      if (matchers[i] === undefined) errors.push(policyValueError(op, test, test.values[i]!))
      return
    }
    const sub = substituteVariables(parts, context, op.substitution)
    if (!sub.ok) {
      const variable = context.get(sub.missingKey.toLowerCase())
      if (
        variable !== undefined &&
        (variable.values.length > 1 || (variable.multi && variable.values.length > 0))
      ) {
        errors.push(multivaluedVariableError(test, sub.missingKey.toLowerCase()))
      } else unresolved.push(sub.missingKey.toLowerCase())
      return
    }
    matchers[i] = op.compile(sub.text, op.substitution === 'glob')
    if (matchers[i] === undefined) errors.push(policyValueError(op, test, literal(i) ?? sub.text))
  }
  // Values without variables are checked whatever the request holds
  test.values.forEach((_, i) => {
    if (!hasVariable[i]) compileAt(i, new Map())
  })

  if (values.length === 0) {
    if (test.ifExists) return finish(true, 'if-exists-key-missing')
    if (test.setOperator === 'ForAllValues') return finish(true, 'for-all-values-empty')
    if (test.setOperator === 'ForAnyValue') return finish(false, 'for-any-value-empty')
    return finish(op.negated, entry === undefined ? 'key-missing' : 'key-no-values')
  }
  if (test.setOperator === 'ForAllValues' && isNull) return finish(true, 'for-all-values-empty')
  if (test.setOperator === 'ForAnyValue' && isNull) return finish(false, 'for-any-value-empty')

  test.values.forEach((_, i) => {
    if (hasVariable[i]) compileAt(i, context)
  })
  const matchesSomePolicyValue = (value: string): boolean => {
    for (const matcher of matchers) {
      if (matcher === undefined) continue
      const r = matcher(value)
      if (r === 'error') {
        errors.push(requestValueError(op, test, value))
        return false
      }
      if (r) return true
    }
    return false
  }
  // A negated operator is NOT(any positive match): NOR over the policy values
  const satisfies = (value: string): boolean => matchesSomePolicyValue(value) !== op.negated
  const matched = test.setOperator === 'ForAllValues' ? values.every(satisfies) : values.some(satisfies)
  const reason: ConditionReason =
    unresolved.length > 0
      ? 'variable-unresolved'
      : errors.length > 0
        ? 'value-invalid'
        : matched
          ? 'condition-matched'
          : 'condition-not-matched'
  return finish(matched, reason, undefined, test.setOperator === undefined && values.length > 1)
}
