/**
 * Compiling policies once: wildcards become matchers, statements are indexed by service, condition
 * blocks are precompiled. A compiled policy is cached per document, so a principal's policies are
 * compiled once however many checks use them.
 * @module
 */
import type { PolicyDocument, Statement } from '../policy/types.ts'
import { type CompiledConditionBlock, compileConditionBlock } from './conditions/index.ts'
import { type ActionMatcher, compileActionList, serviceOf } from './match/action.ts'
import { compileResourceList, type ResourceMatcher } from './match/resource.ts'
import { memoByObject } from './memo-by-object.ts'
import type { RequestContext } from './types.ts'

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

/** The compiled form of a policy document, compiled on first use and cached per document */
export const compileDocument: (document: PolicyDocument) => CompiledDocument =
  memoByObject(compileDocumentNow)

export { serviceOf }
