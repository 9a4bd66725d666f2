/**
 * Compiling policies once: wildcards become matchers, statements are indexed by service, condition
 * blocks are precompiled. A compiled policy is cached per document, so a principal's policies are
 * compiled once however many checks use them.
 * @module
 */
import type { NamedPolicy, PolicyDocument, Statement } from '../policy/types.ts'
import type { ActionKey } from './action-key.ts'
import { type CompiledConditionBlock, compileConditionBlock } from './conditions/index.ts'
import { type ActionMatcher, compileActionList, serviceOf } from './match/action.ts'
import { buildLiteralArnIndex, type LiteralArnPattern } from './match/literal-arn-index.ts'
import { compileResourceList, type ResourceMatcher, splitResourceList } from './match/resource.ts'
import type { MatchedStatement, RequestContext } from './types.ts'

/** A statement with its matchers */
export interface CompiledStatement {
  readonly statement: Statement
  readonly action: ActionMatcher | undefined
  readonly notAction: ActionMatcher | undefined
  readonly resource: ResourceMatcher | undefined
  readonly notResource: ResourceMatcher | undefined
  /** Undefined when the statement has no conditions */
  readonly conditions: CompiledConditionBlock | undefined
}

/** A policy document whose statements are compiled and indexed by service */
export interface CompiledDocument {
  readonly statements: readonly CompiledStatement[]
  /** The statements that can apply to an action of the given (lower-case) service, in document order */
  readonly forService: (service: string) => readonly CompiledStatement[]
  /**
   * The statements whose Action / NotAction element matches the (lower-case) action, in document
   * order; cached per action, so the action element is matched once per document and action
   */
  readonly forAction: (actionLower: string) => readonly CompiledStatement[]
}

/** Bound on shared condition blocks; past it the cache starts over (keeps memory flat) */
const SHARED_BLOCK_LIMIT = 10_000
const sharedBlocks = new Map<string, CompiledConditionBlock>()

/**
 * The compiled Condition block of a statement, shared by every statement whose block is the same
 * (policies repeat the same MFA, time and tag conditions again and again), and remembering its
 * answer for the last request context, so one request evaluates each distinct block once.
 * INVARIANT: a RequestContext is never mutated once a request is being evaluated (it is a ReadonlyMap)
 */
const sharedConditionBlock = (statement: Statement, document: PolicyDocument): CompiledConditionBlock => {
  const key = JSON.stringify([
    document.version ?? '',
    statement.conditions.map((c) => [c.operator, c.key.toLowerCase(), c.values]),
  ])
  let block = sharedBlocks.get(key)
  if (block === undefined) {
    const compiled = compileConditionBlock(statement.conditions, document.version)
    let lastContext: RequestContext | undefined
    let lastResult: ReturnType<CompiledConditionBlock> | undefined
    block = (context, mode) => {
      if (mode !== undefined && mode !== false && mode !== 'short-circuit') return compiled(context, mode)
      if (context !== lastContext || lastResult === undefined) {
        lastResult = compiled(context, mode)
        lastContext = context
      }
      return lastResult
    }
    if (sharedBlocks.size >= SHARED_BLOCK_LIMIT) sharedBlocks.clear()
    sharedBlocks.set(key, block)
  }
  return block
}

const compileStatement = (statement: Statement, document: PolicyDocument): CompiledStatement => ({
  statement,
  action: statement.action ? compileActionList(statement.action) : undefined,
  notAction: statement.notAction ? compileActionList(statement.notAction) : undefined,
  resource: statement.resource ? compileResourceList(statement.resource, document.version) : undefined,
  notResource: statement.notResource
    ? compileResourceList(statement.notResource, document.version)
    : undefined,
  conditions: statement.conditions.length > 0 ? sharedConditionBlock(statement, document) : undefined,
})

const canApplyTo = (compiled: CompiledStatement, service: string): boolean => {
  // NotAction statements can apply to any service; Action lists only to the services they name
  if (compiled.action === undefined) return true
  return compiled.action.services === undefined || compiled.action.services.has(service)
}

/** True when the statement's Action or NotAction element covers the action */
export const actionElementMatches = (c: CompiledStatement, actionLower: string): boolean =>
  c.action ? c.action.matches(actionLower) : !c.notAction!.matches(actionLower)

/** Bound on cached actions per document; past it the cache starts over (keeps memory flat) */
const ACTION_CACHE_LIMIT = 4096

const compileDocumentNow = (document: PolicyDocument): CompiledDocument => {
  const statements = document.statements.map((s) => compileStatement(s, document))
  const byService = new Map<string, readonly CompiledStatement[]>()
  const byAction = new Map<string, readonly CompiledStatement[]>()
  const forService = (service: string): readonly CompiledStatement[] => {
    let list = byService.get(service)
    if (list === undefined) {
      list = statements.filter((s) => canApplyTo(s, service))
      byService.set(service, list)
    }
    return list
  }
  return {
    statements,
    forService,
    forAction: (actionLower) => {
      let list = byAction.get(actionLower)
      if (list === undefined) {
        list = forService(serviceOf(actionLower)).filter((s) => actionElementMatches(s, actionLower))
        if (byAction.size >= ACTION_CACHE_LIMIT) byAction.clear()
        byAction.set(actionLower, list)
      }
      return list
    },
  }
}

const cache = new WeakMap<PolicyDocument, CompiledDocument>()

/** The compiled form of a policy document, compiled on first use and cached per document */
export const compileDocument = (document: PolicyDocument): CompiledDocument => {
  let compiled = cache.get(document)
  if (compiled === undefined) {
    compiled = compileDocumentNow(document)
    cache.set(document, compiled)
  }
  return compiled
}

export { serviceOf }

/**
 * How a group entry's Resource or NotResource element is tested: ALWAYS (no Resource element, or `*` in
 * it), RESOURCE (applies when a literal pattern, an index hit, or another pattern matches),
 * NOT_RESOURCE (applies when neither matches), NEVER (`*` in NotResource)
 */
export const ResourceTest = { ALWAYS: 0, RESOURCE: 1, NOT_RESOURCE: 2, NEVER: 3 } as const
export type ResourceTest = (typeof ResourceTest)[keyof typeof ResourceTest]

/** A statement together with the policy it belongs to */
export interface GroupEntry {
  readonly policy: NamedPolicy
  readonly compiled: CompiledStatement
  /** Copied from the statement, so the hot loop reads them without following pointers */
  readonly statement: Statement
  readonly deny: boolean
  readonly conditions: CompiledConditionBlock | undefined
  readonly resourceTest: ResourceTest
  /** The patterns the plan's literal index does not answer (wildcards inside, `?`, variables) */
  readonly otherResources: ResourceMatcher | undefined
  /** Memo of the report entries for this statement (they are immutable), keyed by type and level */
  readonly reported: Map<string, ReportedStatement>
  /** The last key asked of `reported` and its entry (a group is nearly always of one type) */
  lastReportedKey: string | undefined
  lastReported: ReportedStatement | undefined
}

/** How a group entry is reported when it applies */
export interface ReportedStatement {
  readonly statement: MatchedStatement
  readonly allow: AppliedAllowEntry
}

/** An applied Allow without a principal form (identity-side policies), shareable between decisions */
export interface AppliedAllowEntry {
  readonly statement: MatchedStatement
  readonly form: undefined
}

/**
 * Every statement of a group whose action element matches one action, with one literal ARN index over
 * all their Resource and NotResource elements
 */
export interface GroupPlan {
  readonly entries: readonly GroupEntry[]
  /** Each entry's ResourceTest and other resources, side by side, so a miss never loads the entry */
  readonly resourceTests: Uint8Array
  readonly otherResources: readonly (ResourceMatcher | undefined)[]
  /**
   * Stamps `hits[i]` for every entry i with a literal pattern that matches the resource and returns the
   * stamp (so nothing is cleared between requests). INVARIANT: the hits stay valid until the next call
   */
  readonly markResource: (resource: string) => number
  readonly hits: Int32Array
}

const NO_HITS = new Int32Array(0)

const planFor = (entries: GroupEntry[], literals: LiteralArnPattern[]): GroupPlan => {
  const resourceTests = Uint8Array.from(entries, (e) => e.resourceTest)
  const otherResources = entries.map((e) => e.otherResources)
  if (literals.length === 0)
    return { entries, resourceTests, otherResources, markResource: () => 1, hits: NO_HITS }
  const index = buildLiteralArnIndex(literals)
  const hits = new Int32Array(entries.length)
  let stamp = 0
  return {
    entries,
    resourceTests,
    otherResources,
    hits,
    markResource: (resource) => {
      if (stamp === 0x7fffffff) {
        hits.fill(0)
        stamp = 0
      }
      stamp++
      index.mark(resource, hits, stamp)
      return stamp
    },
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
    compiled,
    statement: s,
    deny: s.effect === 'Deny',
    conditions: compiled.conditions,
    resourceTest,
    otherResources,
    reported: new Map(),
    lastReportedKey: undefined,
    lastReported: undefined,
  }
}

/** The policies of one policy type, with their statements merged per action */
export interface CompiledGroup {
  /** Every statement of the group whose action element matches the action, policy by policy */
  readonly forAction: (action: ActionKey) => GroupPlan
}

const compileGroupNow = (policies: readonly NamedPolicy[]): CompiledGroup => {
  const documents = policies.map((p) => compileDocument(p.document))
  let plans: (GroupPlan | undefined)[] = []
  let generation = 0
  const build = (actionLower: string): GroupPlan => {
    const entries: GroupEntry[] = []
    const literals: LiteralArnPattern[] = []
    policies.forEach((policy, i) => {
      for (const compiled of documents[i]!.forAction(actionLower))
        entries.push(entryFor(policy, compiled, entries.length, literals))
    })
    return planFor(entries, literals)
  }
  return {
    forAction: (action) => {
      if (action.generation !== generation) {
        plans = []
        generation = action.generation
      }
      let plan = plans[action.id]
      if (plan === undefined) {
        plan = build(action.lower)
        // Fill the gap below the id so the array stays dense (a holey array is slower to index)
        while (plans.length < action.id) plans.push(undefined)
        plans[action.id] = plan
      }
      return plan
    },
  }
}

const groupCache = new WeakMap<object, CompiledGroup>()

/**
 * The compiled group of a list of policies, cached per list object (an identity's policy list is
 * shared by all its checks); a single policy is cached per policy object
 */
export const compileGroup = (policies: readonly NamedPolicy[] | NamedPolicy): CompiledGroup => {
  let group = groupCache.get(policies)
  if (group === undefined) {
    group = compileGroupNow(Array.isArray(policies) ? policies : [policies as NamedPolicy])
    groupCache.set(policies, group)
  }
  return group
}
