/**
 * The one shared harness of the condition tests: a table of cases, each run through the compiled test
 * (plain, traced, and again for the variable cache), the reference interpreter and a one-test block.
 * @module
 */
import { expect, it } from 'vitest'
import type { ConditionReason } from '../../../../../core/evaluator/conditions/index.ts'
import {
  compileConditionBlock,
  compileConditionTest,
  evaluateConditionBlockReference,
  evaluateConditionTestReference,
} from '../../../../../core/evaluator/conditions/index.ts'
import type { ContextValue, RequestContext } from '../../../../../core/evaluator/types.ts'
import { NO_SPAN } from '../../../../../core/policy/source-node.ts'
import type { ConditionTest, PolicyVersion } from '../../../../../core/policy/types.ts'

/** A request value: text (single-valued key), a list (multivalued key), or an explicit ContextValue */
export type RequestValue = string | readonly string[] | ContextValue

/** One row of an operator table */
export interface OperatorCase {
  /** Completes "matches when …" / "does not match when …" */
  readonly when: string
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists` */
  readonly operator: string
  /** The condition key as written; default `test:Key` */
  readonly key?: string
  readonly policy: string | readonly string[]
  /** The value of the condition key in the request; undefined = the key is absent */
  readonly request?: RequestValue
  /** Other context keys (for policy variables), keys in any case */
  readonly context?: Readonly<Record<string, RequestValue>>
  /** Default `2012-10-17`; `none` = no Version element */
  readonly version?: '2012-10-17' | '2008-10-17' | 'none'
  readonly expected: boolean
  /** Expected missingKey; default: the lower-case key when `request` is undefined */
  readonly missing?: string | null
  /** Expected error codes (as a set); default none */
  readonly errors?: readonly string[]
  /** Expected unresolved variable keys; default none */
  readonly unresolved?: readonly string[]
  /** Expected trace reason */
  readonly reason?: ConditionReason
}

/** Splits an operator as written into the parts a ConditionTest carries */
export const conditionTest = (
  operator: string,
  key: string,
  values: string | readonly string[],
): ConditionTest => {
  let rest = operator
  let setOperator: ConditionTest['setOperator']
  const colon = rest.indexOf(':')
  if (colon !== -1) {
    const prefix = rest.slice(0, colon)
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') throw new Error(`bad set operator ${prefix}`)
    setOperator = prefix
    rest = rest.slice(colon + 1)
  }
  const ifExists = rest.endsWith('IfExists')
  if (ifExists) rest = rest.slice(0, -'IfExists'.length)
  return {
    operator,
    baseOperator: rest,
    setOperator,
    ifExists,
    key,
    values: typeof values === 'string' ? [values] : values,
    span: NO_SPAN,
  }
}

const toContextValue = (value: RequestValue): ContextValue => {
  if (typeof value === 'string') return { values: [value], multi: false }
  if (Array.isArray(value)) return { values: value as readonly string[], multi: true }
  return value as ContextValue
}

/** Builds a request context from keys in any case */
export const contextOf = (entries: Readonly<Record<string, RequestValue | undefined>>): RequestContext => {
  const map = new Map<string, ContextValue>()
  for (const [key, value] of Object.entries(entries))
    if (value !== undefined) map.set(key.toLowerCase(), toContextValue(value))
  return map
}

const versionOf = (c: OperatorCase): PolicyVersion =>
  c.version === 'none' ? undefined : (c.version ?? '2012-10-17')

const codes = (errors: readonly { readonly code: string }[]): string[] =>
  [...new Set(errors.map((e) => e.code))].sort()

/** Runs one case through every evaluation path and checks they all give the expected answer */
export const checkCase = (c: OperatorCase): void => {
  const key = c.key ?? 'test:Key'
  const test = conditionTest(c.operator, key, c.policy)
  const context = contextOf({ ...c.context, [key]: c.request })
  const version = versionOf(c)
  const compiled = compileConditionTest(test, version)
  const plain = compiled(context)
  const traced = compiled(context, true)
  const again = compiled(context)
  const reference = evaluateConditionTestReference(test, context, version, true)
  const missing =
    c.missing === undefined
      ? c.request === undefined
        ? key.toLowerCase()
        : undefined
      : (c.missing ?? undefined)
  for (const r of [plain, traced, again, reference]) {
    expect(r.matched).toBe(c.expected)
    expect(r.missingKey).toBe(missing)
    expect(codes(r.errors)).toEqual([...(c.errors ?? [])].sort())
    expect([...r.unresolvedVariables].sort()).toEqual([...(c.unresolved ?? [])].sort())
  }
  expect(traced.detail?.matched).toBe(c.expected)
  expect(reference.detail?.matched).toBe(c.expected)
  if (c.reason !== undefined) {
    expect(traced.detail?.reason).toBe(c.reason)
    expect(reference.detail?.reason).toBe(c.reason)
  }
  expect(compileConditionBlock([test], version)(context, 'collect-missing').matched).toBe(c.expected)
  expect(evaluateConditionBlockReference([test], context, version).matched).toBe(c.expected)
}

/** Registers one `it` per case (call inside a describe) */
export const runOperatorTable = (cases: readonly OperatorCase[]): void => {
  for (const c of cases) {
    it(`${c.expected ? 'matches' : 'does not match'} when ${c.operator} ${c.when}`, () => checkCase(c))
  }
}
