/**
 * The local engine: for each check, walks the via chain with assumeRole (a refused hop ends the check
 * with that hop's decision, and says which hop), then evaluates the request as the final identity.
 * @module
 */
import { assumeRole, evaluateCheck } from '../evaluator/check.ts'
import type { EvaluationResult, ExplainLevel } from '../evaluator/types.ts'
import type { Check } from './check.ts'
import type { Engine, EngineResult } from './engine.ts'
import type { EngineDecision, HopRefusal, ReportedStatement } from './report-types.ts'

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

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Decides one check locally */
export const evaluateLocally = (check: Check, explain: ExplainLevel): EngineResult => {
  if (check.unresolved !== undefined || !check.identity || !check.resourceModel) {
    return { error: check.unresolved ?? 'the check could not be built' }
  }
  try {
    let identity = check.identity
    for (const [index, step] of check.via.entries()) {
      if (!step.hop) return { error: `via[${index}]: role \`${step.roleArn}\` could not be resolved` }
      const outcome = assumeRole(identity, step.hop, { explain })
      if (outcome.result.decision !== 'allowed' || !outcome.session) {
        return toEngineDecision(outcome.result, { index, role: step.roleArn, action: outcome.action })
      }
      identity = outcome.session
    }
    const result = evaluateCheck(
      { identity, action: check.action, resource: check.resourceModel, context: check.context },
      { explain },
    )
    return toEngineDecision(result)
  } catch (error) {
    return { error: `local evaluator failed: ${messageOf(error)}` }
  }
}

/** Creates the local evaluator engine */
export const createLocalEngine = (options: LocalEngineOptions = {}): Engine => {
  const explain = options.explain ?? 'reasons'
  return { name: 'local', evaluate: (checks) => checks.map((c) => evaluateLocally(c, explain)) }
}
