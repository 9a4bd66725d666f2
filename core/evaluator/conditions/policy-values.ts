/**
 * Compiles the policy values of one condition test once: values without variables become matchers at
 * compile time; values with variables (String and Arn operators under Version 2012-10-17 only) keep
 * their template and are resolved per request, with a small cache of matchers by substituted text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 * @module
 */
import type { ConditionTest, PolicyVersion } from '../../policy/types.ts'
import { parseTemplate, substituteVariables, type TemplatePart, usesVariables } from '../policy-variables.ts'
import type { EvaluationError, RequestContext } from '../types.ts'
import { policyValueError } from './errors.ts'
import type { ConditionOperator, ValueMatcher } from './operator.ts'

/** One policy value of a test, compiled once */
export interface PolicySlot {
  /** The value as written */
  readonly text: string
  /** The literal text shown in traces (escapes such as `${*}` resolved) for a value without variables */
  readonly display: string
  /** The matcher of a valid value without variables; undefined when invalid or when it has variables */
  readonly matcher: ValueMatcher | undefined
  /** The template of a value with variables, resolved per request */
  readonly template: readonly TemplatePart[] | undefined
}

/** The compiled policy values of one test */
export interface CompiledPolicyValues {
  readonly slots: readonly PolicySlot[]
  /** The matchers of the valid values without variables (all of them when no slot has variables) */
  readonly staticMatchers: readonly ValueMatcher[]
  /** True when some slot has variables to resolve per request */
  readonly dynamic: boolean
  /** Errors of values found invalid at compile time */
  readonly errors: readonly EvaluationError[]
}

/** A value with variables resolved against one request */
export type SlotResolution =
  | { readonly kind: 'matcher'; readonly matcher: ValueMatcher }
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'unresolved'; readonly key: string }
  | { readonly kind: 'multivalued'; readonly key: string }

const NO_CONTEXT: RequestContext = new Map()
const CACHE_LIMIT = 64

const hasVariable = (parts: readonly TemplatePart[]): boolean => parts.some((part) => 'key' in part)

const literalText = (parts: readonly TemplatePart[], context: RequestContext): string | null => {
  const sub = substituteVariables(parts, context, 'literal')
  return sub.ok ? sub.text : null
}

/** True when this policy value is a template to substitute (operator and Version allow it) */
export const isTemplate = (op: ConditionOperator, text: string, version: PolicyVersion): boolean =>
  op.allowsVariables && usesVariables(text, version)

/** Compiles every policy value of a test for its operator and the policy's Version */
export const compilePolicyValues = (
  op: ConditionOperator,
  test: ConditionTest,
  version: PolicyVersion,
): CompiledPolicyValues => {
  const slots: PolicySlot[] = []
  const staticMatchers: ValueMatcher[] = []
  const errors: EvaluationError[] = []
  for (const text of test.values) {
    let source = text
    let display = text
    let escapes = false
    if (isTemplate(op, text, version)) {
      const template = parseTemplate(text)
      if (hasVariable(template)) {
        slots.push({ text, display, matcher: undefined, template })
        continue
      }
      // Only escapes such as `${*}`: substitute once, now
      const sub = substituteVariables(template, NO_CONTEXT, op.substitution)
      source = sub.ok ? sub.text : text
      display = literalText(template, NO_CONTEXT) ?? text
      escapes = op.substitution === 'glob'
    }
    const matcher = op.compile(source, escapes)
    if (matcher === undefined) errors.push(policyValueError(op, test, display))
    else staticMatchers.push(matcher)
    slots.push({ text, display, matcher, template: undefined })
  }
  return { slots, staticMatchers, dynamic: slots.some((slot) => slot.template !== undefined), errors }
}

/**
 * Substitutes a template against the request and compiles the result. A variable whose key is absent
 * (and has no default) is unresolved: the value is null and matches nothing. A multivalued key cannot
 * be a variable. `cache` (per slot) keeps matchers by substituted text
 */
export const resolveTemplate = (
  op: ConditionOperator,
  template: readonly TemplatePart[],
  context: RequestContext,
  cache?: Map<string, SlotResolution>,
): SlotResolution => {
  const sub = substituteVariables(template, context, op.substitution)
  if (!sub.ok) {
    const key = sub.missingKey.toLowerCase()
    const entry = context.get(key)
    const multivalued =
      entry !== undefined && (entry.values.length > 1 || (entry.multi && entry.values.length > 0))
    return { kind: multivalued ? 'multivalued' : 'unresolved', key }
  }
  const cached = cache?.get(sub.text)
  if (cached !== undefined) return cached
  const matcher = op.compile(sub.text, op.substitution === 'glob')
  const resolution: SlotResolution =
    matcher === undefined
      ? { kind: 'invalid', text: literalText(template, context) ?? sub.text }
      : { kind: 'matcher', matcher }
  if (cache !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(sub.text, resolution)
  }
  return resolution
}

const MULTIVALUED = Symbol('multivalued')
const NEVER = Symbol('never')

/** What a variable's key contributes to substitution: its single value, several values, or nothing */
const variableSignature = (context: RequestContext, key: string): string | symbol | undefined => {
  const entry = context.get(key)
  if (entry === undefined) return undefined
  if (!entry.multi && entry.values.length === 1) return entry.values[0]
  return entry.values.length === 0 ? undefined : MULTIVALUED
}

/**
 * A per-slot resolver: remembers the variable values of the last request and reuses its resolution
 * when they are the same (no substitution, no allocation); otherwise substitutes, with a cache of
 * matchers by substituted text
 */
export const templateResolver = (
  op: ConditionOperator,
  template: readonly TemplatePart[],
): ((context: RequestContext) => SlotResolution) => {
  const keys = template.flatMap((part) => ('key' in part ? [part.key.toLowerCase()] : []))
  const last: (string | symbol | undefined)[] = keys.map(() => NEVER)
  const cache = new Map<string, SlotResolution>()
  let lastResolution: SlotResolution | undefined
  return (context) => {
    let same = lastResolution !== undefined
    for (let i = 0; i < keys.length; i++) {
      const signature = variableSignature(context, keys[i]!)
      if (signature !== last[i]) {
        same = false
        last[i] = signature
      }
    }
    if (same) return lastResolution!
    lastResolution = resolveTemplate(op, template, context, cache)
    return lastResolution
  }
}

/** The policy values as a trace shows them: literal text after substitution, null when unresolved */
export const displayPolicyValues = (
  slots: readonly PolicySlot[],
  context: RequestContext,
): readonly (string | null)[] =>
  slots.map((slot) => (slot.template === undefined ? slot.display : literalText(slot.template, context)))
