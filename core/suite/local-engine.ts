/**
 * The local engine: for each check, walks the via chain with assumeRole (a refused hop ends the check
 * with that hop's decision, and says which hop), then evaluates the request as the final identity.
 * @module
 */
import type { EvaluationResult, ExplainLevel } from '../evaluator/types.ts'
import type { Check } from './check.ts'
import type { Engine, EngineResult } from './engine.ts'
import type { EngineDecision, HopRefusal, ReportedStatement } from './report-types.ts'
import { traceCheck } from './trace-check.ts'

/** Options of the local engine */
export interface LocalEngineOptions {
  /** How much explanation the evaluator builds; `reasons` (the default) fills matchedStatements */
  readonly explain?: ExplainLevel
}

/** Maps an evaluation result to the report's engine outcome */
export const toEngineDecision = (result: EvaluationResult, hop?: HopRefusal): EngineDecision => {
  const matchedStatements = result.reasons.map((r): ReportedStatement => {
    const position =
      r.span && r.span.line > 0
        ? { line: r.span.line, column: r.span.column, endLine: r.span.endLine, endColumn: r.span.endColumn }
        : undefined
    return {
      policy: r.policy,
      sid: r.sid ?? null,
      index: r.index,
      effect: r.effect,
      policyType: r.policyType,
      ...(position ? { position } : {}),
    }
  })
  return {
    decision: result.decision,
    matchedStatements,
    missingContextKeys: [...result.missingContextKeys],
    ...(hop ? { hop } : {}),
  }
}

/** Decides one check locally: the refused hop's decision, else the request's */
export const evaluateLocally = (check: Check, explain: ExplainLevel): EngineResult => {
  const traced = traceCheck(check, explain)
  if ('error' in traced) return traced
  if (traced.refusedAt !== undefined) {
    const hop = traced.hops[traced.refusedAt]!
    return toEngineDecision(hop.result, { index: traced.refusedAt, role: hop.roleArn, action: hop.action })
  }
  return toEngineDecision(traced.final!)
}

/** Creates the local evaluator engine */
export const createLocalEngine = (options: LocalEngineOptions = {}): Engine => {
  const explain = options.explain ?? 'reasons'
  return { name: 'local', evaluate: (checks) => checks.map((c) => evaluateLocally(c, explain)) }
}
