/**
 * Reading simulator answers, in both response shapes: the old one (one EvaluationResult per action and
 * resource, EvalResourceName = the resource) and the one since 2026-07-30 (one per action, top-level
 * EvalResourceName an ARN template such as `arn:${Partition}:s3:::${BucketName}/${KeyName}` or `*`,
 * per-resource decisions in ResourceSpecificResults). MissingContextValues sit per resource when
 * resources were listed, else at the top level.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 * @module
 */
import type { EvaluationResult, ResourceSpecificResult, Statement } from '@aws-sdk/client-iam'
import type { Decision } from '../evaluator/types.ts'
import type { EngineDecision } from '../suite/index.ts'
import { reportStatements } from './matched-statements.ts'
import type { Simulation } from './plan-check.ts'

const DECISIONS: readonly Decision[] = ['allowed', 'explicitDeny', 'implicitDeny']

const decisionOf = (text: string | undefined): Decision | undefined =>
  DECISIONS.find((d) => d.toLowerCase() === text?.toLowerCase())

/** The answer of one (action, resource) pair, still in the simulator's terms */
export interface RawAnswer {
  readonly decision: string | undefined
  readonly statements: readonly Statement[]
  readonly missing: readonly string[]
}

const fromResourceResult = (top: EvaluationResult, r: ResourceSpecificResult): RawAnswer => ({
  decision: r.EvalResourceDecision,
  statements:
    r.MatchedStatements ?? (r.EvalResourceDecision === top.EvalDecision ? top.MatchedStatements : []) ?? [],
  missing: r.MissingContextValues ?? top.MissingContextValues ?? [],
})

const fromTop = (top: EvaluationResult): RawAnswer => ({
  decision: top.EvalDecision,
  statements: top.MatchedStatements ?? [],
  missing: top.MissingContextValues ?? [],
})

/** A call's results indexed by action and resource (exact, then ignoring case) */
export interface ResultIndex {
  find(action: string, resource: string): RawAnswer | undefined
}

/**
 * Indexes a call's results (every page). `onlyResource`: the call listed one resource, so a current
 * shape result without ResourceSpecificResults answers for it
 */
export const indexResults = (results: readonly EvaluationResult[], onlyResource: boolean): ResultIndex => {
  const exact = new Map<string, RawAnswer>()
  const folded = new Map<string, RawAnswer>()
  const actionOnly = new Map<string, RawAnswer[]>()
  const add = (action: string, resource: string | undefined, answer: RawAnswer) => {
    if (resource === undefined) return
    const key = `${action}\u0000${resource}`
    if (!exact.has(key)) exact.set(key, answer)
    const lower = key.toLowerCase()
    if (!folded.has(lower)) folded.set(lower, answer)
  }
  for (const top of results) {
    const action = (top.EvalActionName ?? '').toLowerCase()
    if (top.ResourceSpecificResults?.length) {
      for (const r of top.ResourceSpecificResults) add(action, r.EvalResourceName, fromResourceResult(top, r))
    } else {
      add(action, top.EvalResourceName, fromTop(top))
      const list = actionOnly.get(action) ?? []
      list.push(fromTop(top))
      actionOnly.set(action, list)
    }
  }
  return {
    find: (action, resource) => {
      const a = action.toLowerCase()
      const key = `${a}\u0000${resource}`
      const found = exact.get(key) ?? folded.get(key.toLowerCase())
      if (found) return found
      const single = actionOnly.get(a)
      return onlyResource && single?.length === 1 ? single[0] : undefined
    },
  }
}

/** One check's decision from a call's indexed results, or undefined when the results lack it */
export const decisionFor = (
  index: ResultIndex,
  action: string,
  resource: string,
  simulation: Simulation,
): EngineDecision | undefined => {
  const raw = index.find(action, resource)
  const decision = decisionOf(raw?.decision)
  if (!raw || !decision) return undefined
  return {
    decision,
    matchedStatements: reportStatements(raw.statements, simulation, decision),
    missingContextKeys: [...new Set(raw.missing)],
  }
}
