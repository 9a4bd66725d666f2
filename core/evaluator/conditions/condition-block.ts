/**
 * A Condition block: every test ANDed (several operators, and several keys under one operator).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 * @module
 */
import type { ConditionTest, PolicyVersion } from '../../policy/types.ts'
import type { EvaluationError, RequestContext } from '../types.ts'
import { compileConditionTest } from './evaluate-condition.ts'
import { evaluateConditionTestReference } from './evaluate-reference.ts'
import { append, NOTHING } from './test-result.ts'
import type {
  CompiledConditionBlock,
  ConditionBlockMode,
  ConditionBlockResult,
  ConditionDetail,
  ConditionTestResult,
} from './types.ts'

const BLOCK_MATCHED: ConditionBlockResult = {
  matched: true,
  missingKeys: NOTHING,
  failedWithKeysPresent: false,
  errors: NOTHING,
}
const BLOCK_FAILED: ConditionBlockResult = {
  matched: false,
  missingKeys: NOTHING,
  failedWithKeysPresent: true,
  errors: NOTHING,
}

const modeOf = (mode: ConditionBlockMode | boolean | undefined): ConditionBlockMode =>
  mode === true ? 'trace' : mode === false || mode === undefined ? 'short-circuit' : mode

const addKey = (keys: string[] | undefined, key: string): string[] => {
  if (keys === undefined) return [key]
  if (!keys.includes(key)) keys.push(key)
  return keys
}

/** ANDs test results in order, per the block mode (shared by the compiled and the reference paths) */
const runBlock = (
  tests: readonly ((context: RequestContext, trace: boolean) => ConditionTestResult)[],
  context: RequestContext,
  mode: ConditionBlockMode,
): ConditionBlockResult => {
  const count = tests.length
  const trace = mode === 'trace'
  const shortCircuit = mode === 'short-circuit'
  let matched = true
  let failedWithKeysPresent = false
  let missing: string[] | undefined
  let errors: EvaluationError[] | undefined
  let details: ConditionDetail[] | undefined
  for (let i = 0; i < count; i++) {
    const r = tests[i]!(context, trace)
    if (r.errors.length > 0) errors = errors === undefined ? [...r.errors] : errors.concat(r.errors)
    if (r.missingKey !== undefined) missing = addKey(missing, r.missingKey)
    for (let j = 0; j < r.unresolvedVariables.length; j++)
      missing = addKey(missing, r.unresolvedVariables[j]!)
    if (trace && r.detail !== undefined) details = append(details, r.detail)
    if (r.matched) continue
    matched = false
    if (r.missingKey === undefined && r.unresolvedVariables.length === 0) {
      failedWithKeysPresent = true
      if (shortCircuit) return errors === undefined ? BLOCK_FAILED : { ...BLOCK_FAILED, errors }
    }
  }
  if (missing === undefined && errors === undefined && details === undefined) {
    return matched ? BLOCK_MATCHED : BLOCK_FAILED
  }
  return {
    matched,
    missingKeys: missing ?? NOTHING,
    failedWithKeysPresent,
    errors: errors ?? NOTHING,
    ...(details === undefined ? {} : { detail: details }),
  }
}

/**
 * Compiles a Condition block of a policy with the given Version. The result function ANDs the tests
 * in order; it returns a shared constant when the block matches with nothing missing
 */
export const compileConditionBlock = (
  tests: readonly ConditionTest[],
  version: PolicyVersion,
): CompiledConditionBlock => {
  const compiled = tests.map((test) => compileConditionTest(test, version))
  if (compiled.length === 0) return () => BLOCK_MATCHED
  return (context, mode) => runBlock(compiled, context, modeOf(mode))
}

/** Evaluates a Condition block through the reference interpreter (for property tests and cross-checks) */
export const evaluateConditionBlockReference = (
  tests: readonly ConditionTest[],
  context: RequestContext,
  version: PolicyVersion,
  mode?: ConditionBlockMode | boolean,
): ConditionBlockResult =>
  runBlock(
    tests.map(
      (test) => (ctx: RequestContext, trace: boolean) =>
        evaluateConditionTestReference(test, ctx, version, trace),
    ),
    context,
    modeOf(mode),
  )
