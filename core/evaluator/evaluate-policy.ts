/**
 * Evaluating one policy against one request: which of its statements apply, with what effect, and
 * which condition keys were missing.
 * @module
 */
import type { NamedPolicy, Statement } from '../policy/types.ts'
import type { ActionKey } from './action-key.ts'
import { actionElementMatches, type CompiledStatement, compileDocument } from './compile.ts'
import {
  type CompiledConditionBlock,
  type ConditionBlockResult,
  evaluateConditionBlockReference,
} from './conditions/index.ts'
import { type GroupOutcome, groupOutcome, MASK_BITS } from './group-outcome.ts'
import {
  type Candidates,
  candidatesFor,
  type GroupPlan,
  OtherResourceCheck,
  reportedAs,
} from './group-plan.ts'
import { actionListMatchesReference } from './match/action.ts'
import { notPrincipalExcludes, type PrincipalForm, principalNames } from './match/principal.ts'
import { resourceListMatchesReference } from './match/resource.ts'
import { matchedStatement } from './matched-statement.ts'
import type { ReasonCode } from './trace/reasons.ts'
import type {
  Caller,
  EvaluationError,
  MatchedStatement,
  PolicyType,
  RequestContext,
  TraceNode,
} from './types.ts'

/** The request as the statement loop needs it */
export interface PolicyRequest {
  readonly caller: Caller
  readonly action: ActionKey
  readonly resource: string
  readonly context: RequestContext
  /** The caller has a permissions boundary (Deny + NotPrincipal then always applies) */
  readonly hasBoundary: boolean
}

/**
 * What the policies said about a request, accumulated over every policy of one decision (one object
 * per decision keeps the hot path free of allocations)
 */
export interface Tally {
  /** These three lists are replaced, never emptied in place, so a result may keep them (see evaluate) */
  denies: MatchedStatement[]
  missingKeys: string[]
  errors: EvaluationError[]
  /**
   * The Allow statements that applied are `allowStatements[0 .. allowCount)`, each with the form in which
   * it named the caller (resource-based policies; undefined for the others) at the same index in
   * `allowForms`. Both arrays are reused from decision to decision
   */
  readonly allowStatements: MatchedStatement[]
  readonly allowForms: (PrincipalForm | undefined)[]
  allowCount: number
  /** Policy trace nodes of the policy type being evaluated (trace mode only) */
  readonly traces: TraceNode[]
}

/** A fresh tally */
export const newTally = (trace: boolean): Tally => ({
  denies: [],
  allowStatements: [],
  allowForms: [],
  allowCount: 0,
  missingKeys: [],
  errors: [],
  traces: trace ? [] : NO_TRACES,
})

const NO_TRACES: TraceNode[] = []

/** Options of the statement loop */
export interface PolicyEvaluationOptions {
  readonly trace: boolean
  /** Use the uncompiled reference matchers (checks the compiled path in tests) */
  readonly reference: boolean
  /** SCP and RCP levels: the level number reported with matched statements */
  readonly level?: number
}

/** The policy types whose statements name principals (resource-based: resource, endpoint, RCP) */
const namesPrincipal = (policyType: PolicyType): boolean =>
  policyType === 'resource' || policyType === 'endpoint' || policyType === 'rcp'

const node = (
  kind: TraceNode['kind'],
  label: string,
  outcome: TraceNode['outcome'],
  reason: ReasonCode,
  children: TraceNode[] = [],
  detail?: Record<string, unknown>,
  span?: TraceNode['span'],
): TraceNode => ({
  kind,
  label,
  outcome,
  reason,
  children,
  ...(detail ? { detail } : {}),
  ...(span ? { span } : {}),
})

const actionApplies = (c: CompiledStatement, req: PolicyRequest, reference: boolean): boolean => {
  const s = c.statement
  if (reference) {
    return s.action
      ? actionListMatchesReference(s.action, req.action.lower)
      : !actionListMatchesReference(s.notAction ?? [], req.action.lower)
  }
  return actionElementMatches(c, req.action.lower)
}

const resourceApplies = (
  c: CompiledStatement,
  req: PolicyRequest,
  reference: boolean,
  version: Parameters<typeof resourceListMatchesReference>[1],
): boolean => {
  const s = c.statement
  if (s.resource === undefined && s.notResource === undefined) return true
  if (reference) {
    return s.resource
      ? resourceListMatchesReference(s.resource, version, req.resource, req.context)
      : !resourceListMatchesReference(s.notResource!, version, req.resource, req.context)
  }
  return c.resource ? c.resource(req.resource, req.context) : !c.notResource!(req.resource, req.context)
}

/** The principal test: undefined = does not apply; otherwise the form ('none' for NotPrincipal) */
const principalApplies = (s: Statement, req: PolicyRequest): PrincipalForm | 'notPrincipal' | undefined => {
  if (s.principal) return principalNames(s.principal, req.caller)
  if (s.notPrincipal) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: a Deny with
    // NotPrincipal always denies IAM users and roles that have a permissions boundary
    if (s.effect === 'Deny' && req.hasBoundary) return 'notPrincipal'
    return notPrincipalExcludes(s.notPrincipal, req.caller) ? undefined : 'notPrincipal'
  }
  return undefined
}

const addMissingKeys = (outcome: Tally, keys: readonly string[]): void => {
  for (let i = 0; i < keys.length; i++)
    if (!outcome.missingKeys.includes(keys[i]!)) outcome.missingKeys.push(keys[i]!)
}

/**
 * Scratch of the candidate loop, per candidate: whether it applied. Read only for groups with more
 * candidates than a mask has bits. INVARIANT: evaluate never re-enters itself
 */
const APPLIED: boolean[] = []

/** A mask with a bit for each of `count` candidates */
const allOf = (count: number): number => (1 << Math.min(count, MASK_BITS)) - 1

/**
 * Tests each candidate of a group against the request: what is left to test of its resource, its
 * principal (resource-based policy types), its Condition block. Returns the mask of those that
 * applied (candidate k is bit k) and fills APPLIED; missing keys and errors go to the tally, and the
 * forms in which applying Allow statements named the caller go to the tally's allowForms, from
 * allowCount on, in the order recordOutcome then records those statements
 */
const testCandidates = (
  policyType: PolicyType,
  candidates: Candidates,
  req: PolicyRequest,
  outcome: Tally,
): number => {
  const entries = candidates.entries
  const count = entries.length
  const needsPrincipal = namesPrincipal(policyType)
  // Candidates that apply or not together (no principal to test, nothing left of their resources, one
  // shared Condition block or none) are answered at once; a block with errors takes the loop below,
  // which reports each error with its statement
  const uniform = candidates.uniformBlock
  if (uniform !== undefined && !needsPrincipal) {
    const block = uniform === null ? undefined : uniform(req.context, false)
    if (block === undefined || block.errors.length === 0) {
      if (block !== undefined && block.missingKeys.length > 0) addMissingKeys(outcome, block.missingKeys)
      const all = block === undefined || block.matched
      if (count > MASK_BITS) APPLIED.fill(all, 0, count)
      return all ? allOf(count) : 0
    }
  }
  const resource = req.resource
  const checks = candidates.checks
  let mask = 0
  let form = outcome.allowCount
  let lastConditions: CompiledConditionBlock | undefined
  let lastBlock: ConditionBlockResult | undefined
  for (let k = 0; k < count; k++) {
    APPLIED[k] = false
    const entry = entries[k]!
    const check = checks[k]!
    if (
      check !== OtherResourceCheck.NONE &&
      entry.otherResources!(resource, req.context) !== (check === OtherResourceCheck.MUST_MATCH)
    )
      continue
    let named: PrincipalForm | undefined
    if (needsPrincipal) {
      const p = principalApplies(entry.statement, req)
      if (p === undefined) continue
      named = p === 'notPrincipal' ? 'everyone' : p
    }
    const conditions = entry.conditions
    if (conditions !== undefined) {
      // Statements often share one Condition block (see compile.ts): its answer is taken as it is
      let block = lastBlock
      if (conditions !== lastConditions || block === undefined) {
        block = conditions(req.context, false)
        lastConditions = conditions
        lastBlock = block
        if (block.missingKeys.length > 0) addMissingKeys(outcome, block.missingKeys)
      }
      if (block.errors.length > 0)
        for (const e of block.errors)
          outcome.errors.push({
            ...e,
            policyType,
            policy: entry.policy.name,
            statementIndex: entry.statement.index,
          })
      if (!block.matched) continue
    }
    APPLIED[k] = true
    if (k < MASK_BITS) mask |= 1 << k
    if (needsPrincipal && !entry.deny) outcome.allowForms[form++] = named
  }
  return mask
}

/**
 * The hot path's answer for one compiled group: the outcome of the candidates at the request's
 * resource (only the statements whose action element matched, no trace). Missing keys, errors and
 * the forms of resource-based Allow statements go to the tally; the statements do not (recordOutcome)
 */
export const compiledGroupOutcome = (
  policyType: PolicyType,
  plan: GroupPlan,
  req: PolicyRequest,
  level: number | undefined,
  outcome: Tally,
): GroupOutcome => {
  const candidates = candidatesFor(plan, req.resource)
  const mask = testCandidates(policyType, candidates, req, outcome)
  return groupOutcome(candidates, reportedAs(plan, policyType, level), mask, APPLIED)
}

/**
 * Records the statements of an outcome in the tally; `formsSet` when compiledGroupOutcome already set
 * their forms (resource-based policy types). Returns how many allowed
 */
export const recordOutcome = (group: GroupOutcome, outcome: Tally, formsSet: boolean): number => {
  const denies = group.denies
  if (denies.length > 0) {
    // The tally's deny list may be handed to a result, so it is copied, never shared
    if (outcome.denies.length === 0) outcome.denies = denies.slice()
    else for (let i = 0; i < denies.length; i++) outcome.denies.push(denies[i]!)
  }
  const allows = group.allows
  let count = outcome.allowCount
  for (let i = 0; i < allows.length; i++) {
    outcome.allowStatements[count] = allows[i]!
    if (!formsSet) outcome.allowForms[count] = undefined
    count++
  }
  outcome.allowCount = count
  return allows.length
}

/** The hot path for one compiled group: its outcome recorded in the tally; returns how many allowed */
export const evaluateGroupCompiled = (
  policyType: PolicyType,
  plan: GroupPlan,
  req: PolicyRequest,
  level: number | undefined,
  outcome: Tally,
): number =>
  recordOutcome(
    compiledGroupOutcome(policyType, plan, req, level, outcome),
    outcome,
    namesPrincipal(policyType),
  )

/** Evaluates every statement of one policy that can apply to the request; returns how many allowed */
export const evaluatePolicy = (
  policyType: PolicyType,
  policy: NamedPolicy,
  req: PolicyRequest,
  options: PolicyEvaluationOptions,
  outcome: Tally,
): number => {
  const deniesBefore = outcome.denies.length
  const allowsBefore = outcome.allowCount
  const compiled = compileDocument(policy.document)
  // The explaining and reference paths visit every statement, to say why each did or did not apply
  const candidates = compiled.statements
  const needsPrincipal = namesPrincipal(policyType)
  const version = policy.document.version
  const statementNodes: TraceNode[] | undefined = options.trace ? [] : undefined
  for (const c of candidates) {
    const s = c.statement
    const trace: TraceNode[] | undefined = statementNodes ? [] : undefined
    let applies = actionApplies(c, req, options.reference)
    trace?.push(
      s.action
        ? node(
            'action',
            'Action',
            applies ? 'match' : 'noMatch',
            applies ? 'action-matched' : 'action-not-matched',
            [],
            { action: req.action.lower, patterns: s.action },
          )
        : node(
            'action',
            'NotAction',
            applies ? 'match' : 'noMatch',
            applies ? 'not-action-matched' : 'not-action-excluded',
            [],
            { action: req.action.lower, patterns: s.notAction },
          ),
    )
    if (applies) {
      applies = resourceApplies(c, req, options.reference, version)
      if (trace) {
        const reason: ReasonCode = s.resource
          ? applies
            ? 'resource-matched'
            : 'resource-not-matched'
          : s.notResource
            ? applies
              ? 'not-resource-matched'
              : 'not-resource-excluded'
            : 'resource-absent'
        trace.push(
          node(
            'resource',
            s.notResource ? 'NotResource' : 'Resource',
            applies ? 'match' : 'noMatch',
            reason,
            [],
            { resource: req.resource, patterns: s.resource ?? s.notResource ?? [] },
          ),
        )
      }
    }
    let form: PrincipalForm | undefined
    if (applies && needsPrincipal) {
      const p = principalApplies(s, req)
      applies = p !== undefined
      form = p === 'notPrincipal' ? 'everyone' : p
      if (trace) {
        const reason: ReasonCode = s.principal
          ? applies
            ? 'principal-matched'
            : 'principal-not-matched'
          : s.effect === 'Deny' && req.hasBoundary
            ? 'not-principal-boundary'
            : applies
              ? 'not-principal-matched'
              : 'not-principal-excluded'
        trace.push(
          node(
            'principal',
            s.principal ? 'Principal' : 'NotPrincipal',
            applies ? 'match' : 'noMatch',
            reason,
            [],
            { caller: req.caller.arn, ...(p && p !== 'notPrincipal' ? { form: p } : {}) },
          ),
        )
      }
    }
    if (applies && s.conditions.length > 0) {
      const block = options.reference
        ? evaluateConditionBlockReference(s.conditions, req.context, version, trace !== undefined)
        : c.conditions!(req.context, trace !== undefined)
      for (const key of block.missingKeys)
        if (!outcome.missingKeys.includes(key)) outcome.missingKeys.push(key)
      for (const e of block.errors)
        outcome.errors.push({ ...e, policyType, policy: policy.name, statementIndex: s.index })
      applies = block.matched
      trace?.push(
        node(
          'condition',
          'Condition',
          applies ? 'match' : 'noMatch',
          applies ? 'conditions-matched' : 'conditions-not-matched',
          (block.detail ?? []).map((d, i) => ({
            kind: 'condition' as const,
            label: `${d.operator} ${d.key}`,
            outcome: d.outcome,
            reason: d.reason,
            detail: d,
            children: [],
            ...(s.conditions[i] ? { span: s.conditions[i]!.span } : {}),
          })),
        ),
      )
    }
    if (applies) {
      const m = matchedStatement(policyType, policy, s, options.level)
      if (s.effect === 'Deny') outcome.denies.push(m)
      else {
        outcome.allowStatements[outcome.allowCount] = m
        outcome.allowForms[outcome.allowCount++] = form
      }
    }
    statementNodes?.push(
      node(
        'statement',
        s.sid ? `${s.effect} ${s.sid}` : `${s.effect} #${s.index}`,
        applies ? 'match' : 'noMatch',
        applies
          ? 'statement-matched'
          : ((trace?.find((t) => t.outcome === 'noMatch')?.reason as ReasonCode) ?? 'statement-matched'),
        trace,
        { index: s.index, effect: s.effect },
        s.span,
      ),
    )
  }
  const allows = outcome.allowCount - allowsBefore
  if (statementNodes) {
    const denied = outcome.denies.length > deniesBefore
    const reason: ReasonCode = denied ? 'policy-denies' : allows > 0 ? 'policy-allows' : 'policy-no-match'
    outcome.traces.push(
      node('policy', policy.name, denied || allows > 0 ? 'match' : 'noMatch', reason, statementNodes),
    )
  }
  return allows
}
