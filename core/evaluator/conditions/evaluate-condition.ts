/**
 * Compiles one condition test (`"StringLike": {"aws:PrincipalTag/team": ["a*", "b"]}` for one key)
 * into a fast function of the request context. The rules, with the AWS pages that state them:
 * - A key absent from the context makes a plain operator false and a negated operator true; `IfExists`
 *   makes the test true; `Null` tests presence. The key is reported missing in every case.
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * - Several policy values are ORed; for a negated operator they are NORed (NOT of the positive OR).
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 * - `ForAllValues:` is true when every request value satisfies the operator (for a negated operator:
 *   matches none of the policy values) and when the key is absent, empty or only empty strings;
 *   `ForAnyValue:` is true when some request value does, and false for an absent or null key.
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * - A plain operator meeting several request values is evaluated as ForAnyValue (AWS asks for a set
 *   operator there and documents no behaviour; the trace notes it). A present key with no values is
 *   treated like an absent key by plain and IfExists operators, but is not reported missing.
 * - Bad values never throw: a policy or request value that is invalid for the family matches nothing
 *   and is recorded in `errors`. For a negated operator "matches nothing" makes that value satisfy the
 *   operator, exactly like a value that is valid and different.
 * @module
 */

import type { ConditionTest, PolicyVersion } from '../../policy/types.ts'
import { contextKey } from '../context-key.ts'
import type { EvaluationError, RequestContext } from '../types.ts'
import {
  multivaluedVariableError,
  policyValueError,
  requestValueError,
  unknownOperatorError,
} from './errors.ts'
import type { ConditionOperator, ValueMatcher } from './operator.ts'
import { compilePolicyValues, displayPolicyValues, templateResolver } from './policy-values.ts'
import type { ConditionReason } from './reasons.ts'
import { findConditionOperator } from './registry.ts'
import { append, conditionDetail, isNullValued, testResult, withDetail } from './test-result.ts'
import type { CompiledConditionTest, ConditionTestResult } from './types.ts'

/** The outcome and reason of a test whose key is absent or has no values (fixed per test) */
export const absentOutcome = (
  test: ConditionTest,
  op: ConditionOperator,
  present: boolean,
): { readonly matched: boolean; readonly reason: ConditionReason } => {
  if (test.ifExists) return { matched: true, reason: 'if-exists-key-missing' }
  if (test.setOperator === 'ForAllValues') return { matched: true, reason: 'for-all-values-empty' }
  if (test.setOperator === 'ForAnyValue') return { matched: false, reason: 'for-any-value-empty' }
  return { matched: op.negated, reason: present ? 'key-no-values' : 'key-missing' }
}

const compileUnknown = (test: ConditionTest, key: string): CompiledConditionTest => {
  const errors = [unknownOperatorError(test)]
  const absent = testResult(false, key, errors)
  const present = testResult(false, undefined, errors)
  return (context, trace = false) => {
    const entry = context.get(key)
    const base = entry === undefined ? absent : present
    if (!trace) return base
    return withDetail(base, conditionDetail(test, test.values, entry?.values, 'error', 'operator-unknown'))
  }
}

const compileNull = (test: ConditionTest, key: string, op: ConditionOperator): CompiledConditionTest => {
  const errors: EvaluationError[] = []
  const matchers: ValueMatcher[] = []
  for (const value of test.values) {
    const matcher = op.compile(value)
    if (matcher === undefined) errors.push(policyValueError(op, test, value))
    else matchers.push(matcher)
  }
  const whenNull = matchers.some((m) => m('true') === true)
  const whenPresent = matchers.some((m) => m('false') === true)
  const absent = testResult(whenNull, key, errors)
  const nullValued = testResult(whenNull, undefined, errors)
  const present = testResult(whenPresent, undefined, errors)
  return (context, trace = false) => {
    const entry = context.get(key)
    const isNull = entry === undefined || isNullValued(entry.values)
    const base = entry === undefined ? absent : isNull ? nullValued : present
    if (!trace) return base
    const reason = isNull ? 'null-key-absent' : 'null-key-present'
    const outcome = base.matched ? 'match' : 'noMatch'
    return withDetail(base, conditionDetail(test, test.values, entry?.values, outcome, reason))
  }
}

const compileComparison = (
  test: ConditionTest,
  key: string,
  op: ConditionOperator,
  version: PolicyVersion,
): CompiledConditionTest => {
  const { slots, staticMatchers, dynamic, errors: compileErrors } = compilePolicyValues(op, test, version)
  const forAll = test.setOperator === 'ForAllValues'
  const setOperator = test.setOperator !== undefined
  const negated = op.negated
  const whenAbsent = absentOutcome(test, op, false)
  const whenEmpty = absentOutcome(test, op, true)
  const ABSENT = testResult(whenAbsent.matched, key, compileErrors)
  const EMPTY = testResult(whenEmpty.matched, undefined, compileErrors)
  const MATCHED = testResult(true, undefined, compileErrors)
  const NOT_MATCHED = testResult(false, undefined, compileErrors)
  const slotCount = slots.length
  // Reused on every call (evaluation is synchronous and never re-entered): no per-request array
  const resolved: (ValueMatcher | undefined)[] = new Array(slotCount).fill(undefined)
  const resolvers = slots.map((slot) =>
    slot.template === undefined ? undefined : templateResolver(op, slot.template),
  )

  const traced = (
    base: ConditionTestResult,
    context: RequestContext,
    values: readonly string[] | undefined,
    reason: ConditionReason,
    implicit = false,
  ) =>
    withDetail(
      base,
      conditionDetail(
        test,
        displayPolicyValues(slots, context),
        values,
        base.matched ? 'match' : 'noMatch',
        reason,
        implicit,
      ),
    )

  return (context, trace = false) => {
    const entry = context.get(key)
    if (entry === undefined || entry.values.length === 0) {
      const base = entry === undefined ? ABSENT : EMPTY
      if (!trace) return base
      return traced(base, context, entry?.values, entry === undefined ? whenAbsent.reason : whenEmpty.reason)
    }
    const values = entry.values
    if (setOperator && isNullValued(values)) {
      const base = forAll ? MATCHED : NOT_MATCHED
      return trace
        ? traced(base, context, values, forAll ? 'for-all-values-empty' : 'for-any-value-empty')
        : base
    }

    let errors: EvaluationError[] | undefined
    let unresolved: string[] | undefined
    let matchers: readonly (ValueMatcher | undefined)[] = staticMatchers
    if (dynamic) {
      for (let j = 0; j < slotCount; j++) {
        const resolver = resolvers[j]
        if (resolver === undefined) {
          resolved[j] = slots[j]!.matcher
          continue
        }
        const r = resolver(context)
        resolved[j] = r.kind === 'matcher' ? r.matcher : undefined
        if (r.kind === 'unresolved') unresolved = append(unresolved, r.key)
        else if (r.kind === 'multivalued') errors = append(errors, multivaluedVariableError(test, r.key))
        else if (r.kind === 'invalid') errors = append(errors, policyValueError(op, test, r.text))
      }
      matchers = resolved
    }

    // ForAllValues: every value must satisfy; otherwise (ForAnyValue, or plain) some value must
    const count = matchers.length
    let matched = forAll
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!
      let hit = false
      for (let j = 0; j < count; j++) {
        const matcher = matchers[j]
        if (matcher === undefined) continue
        const r = matcher(value)
        if (r === true) {
          hit = true
          break
        }
        if (r === 'error') {
          errors = append(errors, requestValueError(op, test, value))
          break
        }
      }
      const satisfied = hit !== negated
      if (forAll ? !satisfied : satisfied) {
        matched = !forAll
        break
      }
    }

    if (errors === undefined && unresolved === undefined && !trace) return matched ? MATCHED : NOT_MATCHED
    const allErrors =
      errors === undefined
        ? compileErrors
        : compileErrors.length === 0
          ? errors
          : [...compileErrors, ...errors]
    const base = testResult(matched, undefined, allErrors, unresolved)
    if (!trace) return base
    const reason: ConditionReason =
      unresolved !== undefined
        ? 'variable-unresolved'
        : allErrors.length > 0
          ? 'value-invalid'
          : matched
            ? 'condition-matched'
            : 'condition-not-matched'
    return traced(base, context, values, reason, !setOperator && values.length > 1)
  }
}

/**
 * Compiles one condition test for a policy of the given Version. Policy values are compiled once;
 * values with variables are re-resolved per request only when the operator and Version allow them
 */
export const compileConditionTest = (test: ConditionTest, version: PolicyVersion): CompiledConditionTest => {
  const key = contextKey(test.key)
  const op = findConditionOperator(test.baseOperator)
  if (op === undefined) return compileUnknown(test, key)
  if (op.family === 'null') return compileNull(test, key, op)
  return compileComparison(test, key, op, version)
}

/** Evaluates one condition test against a request context (compiles it first: prefer compileConditionTest) */
export const evaluateConditionTest = (
  test: ConditionTest,
  context: RequestContext,
  version: PolicyVersion,
  trace = false,
): ConditionTestResult => compileConditionTest(test, version)(context, trace)
