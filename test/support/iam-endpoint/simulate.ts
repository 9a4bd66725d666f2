/**
 * The local endpoint's simulator answers: every EvaluationResult of a request in the chosen response
 * shape (one result per action and resource before 2026-07-30; one per action with the most restrictive
 * decision, an ARN template as EvalResourceName and ResourceSpecificResults since), paged with MaxItems
 * and Marker (never more than the endpoint's page cap, as IAM may return fewer items than asked).
 * @module
 */
import type { Decision } from '../../../core/evaluator/index.ts'
import { parseArn } from '../../../core/policy/index.ts'
import { answerPair, readInputs } from './simulate-decide.ts'
import {
  isFailure,
  type QueryFailure,
  type SimulationRequest,
  type SimulationState,
} from './simulate-request.ts'

const invalid = (message: string): QueryFailure => ({ status: 400, code: 'InvalidInput', message })

const RANK: Readonly<Record<Decision, number>> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 }

/** The resource type template the current shape reports at the top level */
export const resourceTemplate = (resource: string): string => {
  if (resource === '*') return '*'
  const arn = parseArn(resource)
  if (!arn) return '*'
  if (arn.service === 's3')
    return arn.resource.includes('/')
      ? 'arn:${Partition}:s3:::${BucketName}/${KeyName}'
      : 'arn:${Partition}:s3:::${BucketName}'
  const type = arn.resource.split(/[/:]/)[0] ?? ''
  return `arn:\${Partition}:${arn.service}:\${Region}:\${Account}:${type}/\${${type.charAt(0).toUpperCase()}${type.slice(1)}Name}`
}

const dedupe = <T>(items: readonly T[]): T[] => {
  const seen = new Set<string>()
  return items.filter((i) => {
    const k = JSON.stringify(i)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Every EvaluationResult of a request, in the chosen shape */
export const evaluationResults = (
  r: SimulationRequest,
  state: SimulationState,
): Record<string, unknown>[] | QueryFailure => {
  const inputs = readInputs(r, state.account)
  if (isFailure(inputs)) return inputs
  const out: Record<string, unknown>[] = []
  for (const action of r.actions) {
    const answers = r.resources.map((resource) => ({
      resource,
      ...answerPair(r, inputs, state, action, resource),
    }))
    if (state.shape === 'old') {
      for (const a of answers) {
        out.push({
          EvalActionName: action,
          EvalResourceName: a.resource,
          EvalDecision: a.decision,
          MatchedStatements: a.matched,
          MissingContextValues: a.missing,
          ...(inputs.boundary
            ? {
                PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: a.decision === 'allowed' },
              }
            : {}),
        })
      }
      continue
    }
    const worst = answers.reduce(
      (w, a) => (RANK[a.decision] > RANK[w] ? a.decision : w),
      'allowed' as Decision,
    )
    out.push({
      EvalActionName: action,
      EvalResourceName: resourceTemplate(r.resources[0] ?? '*'),
      EvalDecision: worst,
      MatchedStatements: dedupe(answers.filter((a) => a.decision === worst).flatMap((a) => a.matched)),
      MissingContextValues: dedupe(answers.flatMap((a) => a.missing)),
      ResourceSpecificResults: answers.map((a) => ({
        EvalResourceName: a.resource,
        EvalResourceDecision: a.decision,
        MatchedStatements: a.matched,
        MissingContextValues: a.missing,
      })),
    })
  }
  return out
}

/** One page of a request's results */
export const simulationPage = (
  r: SimulationRequest,
  state: SimulationState,
): Record<string, unknown> | QueryFailure => {
  const key = JSON.stringify([{ ...r, marker: undefined }, state.shape, state.fallback, state.rules])
  let results = state.cache?.get(key)
  if (results === undefined) {
    results = evaluationResults(r, state)
    if (state.cache && state.cache.size >= 16) state.cache.clear()
    state.cache?.set(key, results)
  }
  if (isFailure(results)) return results
  const offset =
    r.marker === undefined
      ? 0
      : Number(
          Buffer.from(r.marker, 'base64url')
            .toString('utf8')
            .replace(/^page:/, ''),
        )
  if (!Number.isInteger(offset) || offset < 0 || offset > results.length)
    return invalid(`Invalid Marker: ${r.marker}`)
  const size = Math.min(r.maxItems, state.pageCap)
  const page = results.slice(offset, offset + size)
  const next = offset + page.length
  const truncated = next < results.length
  return {
    EvaluationResults: page,
    IsTruncated: truncated,
    ...(truncated ? { Marker: Buffer.from(`page:${next}`, 'utf8').toString('base64url') } : {}),
  }
}
