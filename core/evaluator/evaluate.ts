/**
 * Evaluating one authorization request against every policy that applies to it.
 * @module
 */
import type { NamedPolicy } from '../policy/types.ts'
import { actionKeyOf } from './action-key.ts'
import { type DecisionFacts, decide } from './decide.ts'
import {
  compiledGroupOutcome,
  evaluateGroupCompiled,
  evaluatePolicy,
  newTally,
  type PolicyRequest,
  recordOutcome,
  type Tally,
} from './evaluate-policy.ts'
import { type GroupOutcome, keepDecision, knownDecision, NO_OUTCOME } from './group-outcome.ts'
import { compileGroup, compilePolicySet } from './group-plan.ts'
import type { PrincipalForm } from './match/principal.ts'
import { FORM_STRENGTH } from './match/principal.ts'
import { REASONS, type ReasonCode } from './trace/reasons.ts'
import type {
  AuthorizationRequest,
  Caller,
  EvaluateOptions,
  EvaluationResult,
  MatchedStatement,
  PolicySet,
  PolicyType,
  ResourcePolicyKind,
  TraceNode,
} from './types.ts'

/** Options of evaluate, plus the switch to the uncompiled reference path */
export interface EvaluateInternalOptions extends EvaluateOptions {
  /** Use the uncompiled reference matchers instead of the compiled ones (property tests) */
  readonly reference?: boolean
}

const NO_OPTIONS: EvaluateInternalOptions = {}
const NO_STATEMENTS: readonly MatchedStatement[] = []
const NO_KEYS: readonly string[] = []
const NO_ERRORS: readonly EvaluationResult['errors'][number][] = []
const SCRATCH: Tally = newTally(false)

const resetTally = (t: Tally): Tally => {
  // A list that holds something is replaced, not emptied: the last result may own it (and setting
  // length is a runtime call in V8)
  if (t.denies.length !== 0) t.denies = []
  t.allowCount = 0
  if (t.missingKeys.length !== 0) t.missingKeys = []
  if (t.errors.length !== 0) t.errors = []
  return t
}

const typeNode = (
  type: PolicyType,
  label: string,
  outcome: TraceNode['outcome'],
  reason: ReasonCode,
  children: TraceNode[],
): TraceNode => ({
  kind: 'policyType',
  label,
  outcome,
  reason,
  children,
  detail: { policyType: type },
})

/** Evaluates all policies of one type; returns whether any allowed */
const evaluateType = (
  type: PolicyType,
  policies: readonly NamedPolicy[] | NamedPolicy,
  req: PolicyRequest,
  tally: Tally,
  trace: boolean,
  reference: boolean,
  traceOut: TraceNode[] | undefined,
  label: string = type,
  level?: number,
): boolean => {
  if (!trace && !reference)
    return evaluateGroupCompiled(type, compileGroup(policies).forAction(req.action), req, level, tally) > 0
  let allows = 0
  const deniesBefore = tally.denies.length
  const options = { trace, reference, ...(level === undefined ? {} : { level }) }
  for (const policy of Array.isArray(policies) ? policies : [policies as NamedPolicy])
    allows += evaluatePolicy(type, policy, req, options, tally)
  if (traceOut) {
    const denied = tally.denies.length > deniesBefore
    const reason: ReasonCode = denied
      ? 'policy-type-denies'
      : allows > 0
        ? 'policy-type-allows'
        : 'policy-type-no-allow'
    traceOut.push(
      typeNode(type, label, denied || allows > 0 ? 'match' : 'noMatch', reason, tally.traces.splice(0)),
    )
  }
  return allows > 0
}

/**
 * True when the set has nothing but identity policies and perhaps a boundary (no SCPs, RCPs, session,
 * resource or endpoint policy): then the groups' outcomes and decisionKey settle the decision
 */
const isIdentitySideOnly = (policies: PolicySet): boolean =>
  policies.scpLevels === undefined &&
  policies.rcpLevels === undefined &&
  policies.resource === undefined &&
  policies.endpoint === undefined &&
  (policies.session === undefined || policies.session.length === 0)

const KIND_INDEX: Readonly<Record<ResourcePolicyKind, number>> = { standard: 0, trust: 1, kms: 2 }

/**
 * Everything else an identity-side-only decision depends on (the boundary's outcome, whether the caller
 * is the root user or a federated user, same account, the resource policy kind), as one number
 */
const decisionKey = (
  boundary: GroupOutcome,
  caller: Caller,
  sameAccount: boolean,
  kind: ResourcePolicyKind | undefined,
): number =>
  boundary.id * 32 +
  (caller.type === 'root' ? 1 : 0) +
  (caller.type === 'federatedUser' ? 2 : 0) +
  (sameAccount ? 4 : 0) +
  KIND_INDEX[kind ?? 'standard'] * 8

const strongestGrant = (tally: Tally, from: number): PrincipalForm | undefined => {
  let best: PrincipalForm | undefined
  for (let i = from; i < tally.allowCount; i++) {
    const form = tally.allowForms[i] ?? 'everyone'
    if (best === undefined || FORM_STRENGTH[form] > FORM_STRENGTH[best]) best = form
  }
  return best
}

/** Decides one request against a set of policies */
export const evaluate = (
  request: AuthorizationRequest,
  policies: PolicySet,
  options: EvaluateInternalOptions = NO_OPTIONS,
): EvaluationResult => {
  const trace = options.explain === 'full'
  const reference = options.reference === true
  const actionKey = actionKeyOf(request.action)
  const caller = request.caller
  const traceOut: TraceNode[] | undefined = trace ? [] : undefined

  // sts:GetCallerIdentity needs no permission and works even under an explicit deny
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
  if (actionKey.getCallerIdentity) {
    return {
      decision: 'allowed',
      decisionReason: 'get-caller-identity',
      reasons: NO_STATEMENTS,
      missingContextKeys: NO_KEYS,
      errors: [],
      ...(trace
        ? {
            trace: {
              kind: 'request',
              label: request.action,
              outcome: 'match',
              reason: 'get-caller-identity',
              children: [],
            } as TraceNode,
          }
        : {}),
    }
  }

  // A fresh object: stores into a long-lived scratch object measured slower than this allocation
  const req: PolicyRequest = {
    caller,
    action: actionKey,
    resource: request.resource,
    context: request.context,
    hasBoundary: policies.boundary !== undefined,
  }
  // INVARIANT: evaluate never re-enters itself, so one scratch tally serves every untraced decision;
  // the lists the result keeps are handed over to it, and resetTally gives the tally new ones
  const tally = trace ? newTally(true) : resetTally(SCRATCH)

  // SCP levels: an Allow is needed at every level (root, each OU, the account)
  let scpAllows = true
  const scpLevels = policies.scpLevels
  if (scpLevels) {
    for (let i = 0; i < scpLevels.length; i++) {
      const label = traceOut ? `scp level ${i}` : 'scp'
      if (!evaluateType('scp', scpLevels[i]!, req, tally, trace, reference, traceOut, label, i))
        scpAllows = false
    }
  }
  // Customer RCPs are Deny-only; RCPFullAWSAccess, attached at every level, allows everything
  const rcpLevels = policies.rcpLevels
  if (rcpLevels) {
    for (let i = 0; i < rcpLevels.length; i++) {
      evaluateType(
        'rcp',
        rcpLevels[i]!,
        req,
        tally,
        trace,
        reference,
        traceOut,
        traceOut ? `rcp level ${i}` : 'rcp',
        i,
      )
    }
  }
  // The three policy types nearly every request has go straight to the compiled path when not explaining
  const fast = !trace && !reference
  const groups = fast ? compilePolicySet(policies).forAction(actionKey) : undefined
  const boundary = policies.boundary
  const sameAccount =
    request.resourceAccount === undefined ||
    caller.account === undefined ||
    request.resourceAccount === caller.account
  let resourceFrom = 0
  let resourceTo = 0
  let resourceGrant: PrincipalForm | undefined
  let identityAllowed: boolean
  let boundaryAllows: boolean
  // A request with only identity policies and perhaps a boundary (most requests) is decided by the
  // outcomes of those two groups and a few facts about the caller: the result is remembered with the
  // identity outcome (see group-outcome.ts) unless a key was missing or a condition failed
  let remembered: GroupOutcome | undefined
  let rememberedAs = 0
  if (groups !== undefined && isIdentitySideOnly(policies)) {
    const identity = compiledGroupOutcome('identity', groups.identity, req, undefined, tally)
    const bounded =
      groups.boundary === undefined
        ? NO_OUTCOME
        : compiledGroupOutcome('boundary', groups.boundary, req, undefined, tally)
    if (tally.missingKeys.length === 0 && tally.errors.length === 0) {
      rememberedAs = decisionKey(bounded, caller, sameAccount, policies.resourcePolicyKind)
      const known = knownDecision(identity, rememberedAs)
      if (known !== undefined) return known
      remembered = identity
    }
    identityAllowed = recordOutcome(identity, tally, false) > 0
    boundaryAllows = groups.boundary === undefined || recordOutcome(bounded, tally, false) > 0
  } else {
    resourceFrom = tally.allowCount
    if (policies.resource) {
      if (groups) evaluateGroupCompiled('resource', groups.resource!, req, undefined, tally)
      else evaluateType('resource', policies.resource, req, tally, trace, reference, traceOut)
    }
    resourceTo = tally.allowCount
    resourceGrant = strongestGrant(tally, resourceFrom)
    identityAllowed = groups
      ? evaluateGroupCompiled('identity', groups.identity, req, undefined, tally) > 0
      : evaluateType('identity', policies.identity, req, tally, trace, reference, traceOut)
    boundaryAllows =
      boundary === undefined
        ? true
        : groups
          ? evaluateGroupCompiled('boundary', groups.boundary!, req, undefined, tally) > 0
          : evaluateType('boundary', boundary, req, tally, trace, reference, traceOut)
  }
  const identityAllows = identityAllowed || caller.type === 'root'
  let sessionAllows = true
  if (policies.session !== undefined && policies.session.length > 0) {
    sessionAllows = evaluateType('session', policies.session, req, tally, trace, reference, traceOut)
  } else if (caller.type === 'federatedUser') {
    // A GetFederationToken session without a session policy has no permissions
    sessionAllows = false
  }
  const endpointAllows = policies.endpoint
    ? evaluateType('endpoint', policies.endpoint, req, tally, trace, reference, traceOut)
    : true

  const facts: DecisionFacts = {
    explicitDeny: tally.denies.length > 0,
    scpAllows,
    endpointAllows,
    identityAllows,
    boundaryAllows,
    sessionAllows,
    resourceGrant,
    resourcePolicyKind: policies.resourcePolicyKind ?? 'standard',
    sameAccount,
  }
  const outcome = decide(facts)

  let reasons: readonly MatchedStatement[] = NO_STATEMENTS
  // The result takes the tally's lists (resetTally replaces them before the next decision)
  if (outcome.decision === 'explicitDeny') reasons = tally.denies
  else if (
    outcome.decision === 'allowed' &&
    outcome.viaIdentity &&
    (outcome.viaResource || resourceFrom === resourceTo)
  ) {
    // Every Allow that applied counts (the usual case): one copy
    reasons = tally.allowStatements.slice(0, tally.allowCount)
  } else if (outcome.decision === 'allowed') {
    const allowing: MatchedStatement[] = []
    const allows = tally.allowStatements
    for (let i = 0; i < tally.allowCount; i++) {
      const statement = allows[i]!
      const t = statement.policyType
      if (
        t === 'resource'
          ? outcome.viaResource
          : t === 'identity' || t === 'boundary' || t === 'session'
            ? outcome.viaIdentity
            : true
      )
        allowing.push(statement)
    }
    reasons = allowing
  }

  const result: EvaluationResult = {
    decision: outcome.decision,
    decisionReason: outcome.reason,
    reasons,
    missingContextKeys: tally.missingKeys.length > 0 ? tally.missingKeys : NO_KEYS,
    errors: tally.errors.length > 0 ? tally.errors : NO_ERRORS,
  }
  if (remembered !== undefined) keepDecision(remembered, rememberedAs, result)
  if (!traceOut) return result
  const decisionNode: TraceNode = {
    kind: 'decision',
    label: outcome.decision,
    outcome: outcome.decision === 'allowed' ? 'match' : 'noMatch',
    reason: outcome.reason,
    children: [],
    detail: { ...facts, explanation: REASONS[outcome.reason] },
  }
  return {
    ...result,
    trace: {
      kind: 'request',
      label: `${caller.arn} ${request.action} ${request.resource}`,
      outcome: outcome.decision === 'allowed' ? 'match' : 'noMatch',
      reason: 'request-evaluated',
      children: [...traceOut, decisionNode],
      detail: {
        caller: caller.arn,
        action: request.action,
        resource: request.resource,
        resourceAccount: request.resourceAccount,
      },
    },
  }
}
