/**
 * Deciding one check again with the evaluator's explanation kept: every via hop's AssumeRole result
 * and the final request's, with the trace when asked. The runner's local engine keeps only the
 * report's view, built from this; `explain`, failure messages, statement coverage and the dashboard's
 * check view need the full results.
 * @module
 */
import { assumeRole, type EvaluationResult, type ExplainLevel, evaluateCheck } from '../evaluator/index.ts'
import type { Check } from './check.ts'

/** One via hop's AssumeRole evaluation */
export interface TracedHop {
  readonly roleArn: string
  /** The action that decided: `sts:AssumeRole`, or `sts:TagSession` / `sts:SetSourceIdentity` on refusal */
  readonly action: string
  readonly result: EvaluationResult
}

/** A check decided with its explanation */
export interface TracedCheck {
  readonly hops: readonly TracedHop[]
  /** The index of the hop that was refused, if one was */
  readonly refusedAt: number | undefined
  /** The request's own evaluation; undefined when a hop was refused */
  readonly final: EvaluationResult | undefined
}

/** The result that decided the check: the refused hop's, else the final request's */
export const decidingResult = (traced: TracedCheck): EvaluationResult =>
  traced.refusedAt !== undefined ? traced.hops[traced.refusedAt]!.result : traced.final!

/** Decides a check keeping every result; an unresolvable check or a thrown error is an error value */
export const traceCheck = (check: Check, explain: ExplainLevel): TracedCheck | { readonly error: string } => {
  if (check.unresolved !== undefined || !check.identity || !check.resourceModel) {
    return { error: check.unresolved ?? 'the check could not be built' }
  }
  try {
    let identity = check.identity
    const hops: TracedHop[] = []
    for (const [index, step] of check.via.entries()) {
      if (!step.hop) return { error: `via[${index}]: role \`${step.roleArn}\` could not be resolved` }
      const outcome = assumeRole(identity, step.hop, { explain })
      hops.push({ roleArn: step.roleArn, action: outcome.action, result: outcome.result })
      if (outcome.result.decision !== 'allowed' || !outcome.session) {
        return { hops, refusedAt: index, final: undefined }
      }
      identity = outcome.session
    }
    const final = evaluateCheck(
      { identity, action: check.action, resource: check.resourceModel, context: check.context },
      { explain },
    )
    return { hops, refusedAt: undefined, final }
  } catch (error) {
    return { error: `local evaluator failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}
