/**
 * The policies of one policy type compiled together, per action: a plan lists every statement whose
 * action element matches the action, policy by policy, and indexes their Resource and NotResource
 * elements, so that one walk of the request's ARN yields the short list of statements that can apply.
 * Plans are cached per policy list (an identity's policy list is shared by all its checks) and action.
 * @module
 */
import type { NamedPolicy, Statement } from '../policy/types.ts'
import { type ActionKey, actionTable } from './action-key.ts'
import { type CompiledStatement, compileDocument } from './compile.ts'
import type { CompiledConditionBlock } from './conditions/index.ts'
import type { GroupOutcome } from './group-outcome.ts'
import {
  type ArnIndexStop,
  buildLiteralArnIndex,
  type LiteralArnIndex,
  type LiteralArnPattern,
} from './match/literal-arn-index.ts'
import { type ResourceMatcher, splitResourceList } from './match/resource.ts'
import { matchedStatement } from './matched-statement.ts'
import { memoByObject } from './memo-by-object.ts'
import type { MatchedStatement, PolicySet, PolicyType } from './types.ts'

/**
 * How an entry's Resource or NotResource element is tested: ALWAYS (no Resource element, or `*` in
 * it), RESOURCE (applies when a literal pattern, found by the index, or another pattern matches),
 * NOT_RESOURCE (applies when neither matches), NEVER (`*` in NotResource)
 */
const ResourceTest = { ALWAYS: 0, RESOURCE: 1, NOT_RESOURCE: 2, NEVER: 3 } as const
type ResourceTest = (typeof ResourceTest)[keyof typeof ResourceTest]

/** A statement of the group, with the policy it belongs to */
export interface GroupEntry {
  readonly policy: NamedPolicy
  /** The statement, and its compiled Condition block, read by the hot loop without following pointers */
  readonly statement: Statement
  readonly deny: boolean
  readonly conditions: CompiledConditionBlock | undefined
  readonly resourceTest: ResourceTest
  /** The patterns the literal index does not answer (wildcards inside, `?`, variables) */
  readonly otherResources: ResourceMatcher | undefined
}

/** What is left to test of a candidate's resource: nothing, or its other patterns (must / must not match) */
export const OtherResourceCheck = { NONE: 0, MUST_MATCH: 1, MUST_NOT_MATCH: 2 } as const

/**
 * The entries that can apply to the resources that stop at one place of the index, in entry order, with
 * what is left to test of each one's resource
 */
export interface Candidates {
  /** The candidates' entries and their positions in the plan (plain arrays: tiny typed arrays are slower) */
  readonly entries: readonly GroupEntry[]
  readonly indices: readonly number[]
  readonly checks: readonly number[]
  /**
   * When nothing is left to test of any candidate's resource and all share one Condition block (or
   * have none): that block, or null for none. Then the candidates apply or not together. Undefined
   * otherwise
   */
  readonly uniformBlock: CompiledConditionBlock | null | undefined
  /** The outcomes met so far (see group-outcome.ts), for the report list they were taken from */
  outcomesFrom: readonly MatchedStatement[] | undefined
  outcomes: Map<number, GroupOutcome> | undefined
  /** The last outcome asked for, and its mask, answered first */
  lastMask: number
  lastOutcome: GroupOutcome | undefined
}

/** Every statement of a group whose action element matches one action */
export interface GroupPlan {
  readonly entries: readonly GroupEntry[]
  /** The candidates when no entry has a literal resource pattern (they are the same for every resource) */
  readonly always: Candidates | undefined
  /** Otherwise: the literal ARN index; each stop remembers its candidates (see candidatesFor) */
  readonly index: LiteralArnIndex<Candidates> | undefined
  /** The report lists made so far, by policy type and level, and the last one asked (see reportedAs) */
  readonly reported: Map<string, readonly MatchedStatement[]>
  lastType: PolicyType | undefined
  lastLevel: number | undefined
  lastReported: readonly MatchedStatement[]
}

/** The entries of a plan that can apply to a resource (settled once per place the ARN stops at) */
export const candidatesFor = (plan: GroupPlan, resource: string): Candidates => {
  if (plan.always !== undefined) return plan.always
  const stop = plan.index!.find(resource)
  return stop.memo ?? settleStop(plan.entries, stop)
}

const settleStop = (entries: readonly GroupEntry[], stop: ArnIndexStop<Candidates>): Candidates => {
  const candidates = candidatesGiven(entries, new Set(stop.owners))
  stop.memo = candidates
  return candidates
}

/**
 * How each entry of a plan is reported when its group is evaluated as the given policy type (and
 * level): made once per type and level, as report entries are immutable. The last list asked is
 * answered first (a group is nearly always evaluated as one type)
 */
export const reportedAs = (
  plan: GroupPlan,
  policyType: PolicyType,
  level: number | undefined,
): readonly MatchedStatement[] => {
  if (policyType === plan.lastType && level === plan.lastLevel) return plan.lastReported
  const key = `${policyType}/${level ?? ''}`
  let list = plan.reported.get(key)
  if (list === undefined) {
    list = plan.entries.map((e) => matchedStatement(policyType, e.policy, e.statement, level))
    plan.reported.set(key, list)
  }
  plan.lastType = policyType
  plan.lastLevel = level
  plan.lastReported = list
  return list
}

/** The candidates when the entries in `hit` have a literal pattern that matches the resource */
const candidatesGiven = (entries: readonly GroupEntry[], hit: ReadonlySet<number>): Candidates => {
  const indices: number[] = []
  const checks: number[] = []
  const candidates: GroupEntry[] = []
  entries.forEach((e, i) => {
    const other = e.otherResources !== undefined
    switch (e.resourceTest) {
      case ResourceTest.ALWAYS:
        indices.push(i)
        checks.push(OtherResourceCheck.NONE)
        break
      case ResourceTest.RESOURCE:
        if (hit.has(i) || other) {
          indices.push(i)
          checks.push(hit.has(i) ? OtherResourceCheck.NONE : OtherResourceCheck.MUST_MATCH)
        }
        break
      case ResourceTest.NOT_RESOURCE:
        if (!hit.has(i)) {
          indices.push(i)
          checks.push(other ? OtherResourceCheck.MUST_NOT_MATCH : OtherResourceCheck.NONE)
        }
        break
      default:
        break
    }
  })
  for (const i of indices) candidates.push(entries[i]!)
  const first = candidates[0]?.conditions ?? null
  const uniform =
    checks.every((c) => c === OtherResourceCheck.NONE) &&
    candidates.every((e) => (e.conditions ?? null) === first)
  return {
    entries: candidates,
    indices,
    checks,
    uniformBlock: uniform ? first : undefined,
    outcomesFrom: undefined,
    outcomes: undefined,
    lastMask: 0,
    lastOutcome: undefined,
  }
}

const planFor = (entries: GroupEntry[], literals: LiteralArnPattern[]): GroupPlan => {
  const index = literals.length === 0 ? undefined : buildLiteralArnIndex<Candidates>(literals)
  return {
    entries,
    always: index === undefined ? candidatesGiven(entries, new Set()) : undefined,
    index,
    reported: new Map(),
    lastType: undefined,
    lastLevel: undefined,
    lastReported: [],
  }
}

const entryFor = (
  policy: NamedPolicy,
  compiled: CompiledStatement,
  owner: number,
  literals: LiteralArnPattern[],
): GroupEntry => {
  const s = compiled.statement
  const list = s.resource ?? s.notResource
  let resourceTest: ResourceTest = ResourceTest.ALWAYS
  let otherResources: ResourceMatcher | undefined
  if (list !== undefined) {
    const split = splitResourceList(list, policy.document.version)
    if (split.matchesAll) resourceTest = s.resource ? ResourceTest.ALWAYS : ResourceTest.NEVER
    else {
      resourceTest = s.resource ? ResourceTest.RESOURCE : ResourceTest.NOT_RESOURCE
      otherResources = split.rest
      for (const l of split.literals) literals.push({ ...l, owner })
    }
  }
  return {
    policy,
    statement: s,
    deny: s.effect === 'Deny',
    conditions: compiled.conditions,
    resourceTest,
    otherResources,
  }
}

/** The policies of one policy type, with their statements merged per action */
export interface CompiledGroup {
  readonly forAction: (action: ActionKey) => GroupPlan
}

const compileGroupNow = (policies: readonly NamedPolicy[]): CompiledGroup => {
  const documents = policies.map((p) => compileDocument(p.document))
  const build = (action: ActionKey): GroupPlan => {
    const entries: GroupEntry[] = []
    const literals: LiteralArnPattern[] = []
    policies.forEach((policy, i) => {
      for (const compiled of documents[i]!.forAction(action.lower))
        entries.push(entryFor(policy, compiled, entries.length, literals))
    })
    return planFor(entries, literals)
  }
  return { forAction: actionTable(build) }
}

const groupsOfLists = memoByObject(compileGroupNow)
const groupsOfPolicies = memoByObject((policy: NamedPolicy) => compileGroupNow([policy]))

/**
 * The compiled group of a list of policies, cached per list object (an identity's policy list is
 * shared by all its checks); a single policy is cached per policy object
 */
export const compileGroup = (policies: readonly NamedPolicy[] | NamedPolicy): CompiledGroup =>
  Array.isArray(policies) ? groupsOfLists(policies) : groupsOfPolicies(policies as NamedPolicy)

/** The plans of the three policy types nearly every request has, for one action */
export interface PolicySetPlans {
  readonly identity: GroupPlan
  readonly boundary: GroupPlan | undefined
  readonly resource: GroupPlan | undefined
}

/** A policy set compiled: its plans per action, found with one lookup and one index */
export interface CompiledPolicySet {
  readonly forAction: (action: ActionKey) => PolicySetPlans
}

const compilePolicySetNow = (set: PolicySet): CompiledPolicySet => {
  const identity = compileGroup(set.identity)
  const boundary = set.boundary ? compileGroup(set.boundary) : undefined
  const resource = set.resource ? compileGroup(set.resource) : undefined
  return {
    forAction: actionTable((action) => ({
      identity: identity.forAction(action),
      boundary: boundary?.forAction(action),
      resource: resource?.forAction(action),
    })),
  }
}

/** A policy set compiled once (policy sets are shared, see policySetFor) */
export const compilePolicySet: (set: PolicySet) => CompiledPolicySet = memoByObject(compilePolicySetNow)
