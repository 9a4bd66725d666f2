/**
 * The local endpoint's simulation requests: the parameters of SimulatePrincipalPolicy and
 * SimulateCustomPolicy read from an AWS Query request and checked as IAM checks them (InvalidInput for
 * wildcard actions in Custom, a ResourcePolicy without CallerArn, MaxItems out of range, bad context
 * types), and the types the rest of the endpoint shares.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * @module
 */
import type { Decision } from '../../../core/evaluator/index.ts'
import type { AccountResolver } from '../../../core/suite/index.ts'
import { list, type QueryParams, str, strings, struct } from './query-params.ts'

/** The two simulator operations */
export type SimulatorAction = 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy'

/** The response shape: before 2026-07-30 (`old`) or since (`current`) */
export type ResponseShape = 'old' | 'current'

/** A simulator Statement as the XML carries it */
export interface StatementJson {
  readonly SourcePolicyId: string
  readonly SourcePolicyType: string
  readonly StartPosition: { readonly Line: number; readonly Column: number }
  readonly EndPosition: { readonly Line: number; readonly Column: number }
}

/** A programmed answer: the first rule whose patterns (`*` and `?` wildcards, case ignored) all match wins */
export interface DecisionRule {
  readonly api?: SimulatorAction
  readonly action?: string
  readonly resource?: string
  /** Matched against PolicySourceArn, else CallerArn, else the sent aws:PrincipalArn */
  readonly principal?: string
  readonly decision: Decision
  readonly matchedStatements?: readonly StatementJson[]
  readonly missingContextValues?: readonly string[]
}

/** A request error as IAM returns it */
export interface QueryFailure {
  readonly status: number
  readonly code: string
  readonly message: string
}

/** A parsed simulation request */
export interface SimulationRequest {
  readonly api: SimulatorAction
  readonly policySourceArn?: string
  readonly policyInputList: readonly string[]
  readonly boundary: readonly string[]
  readonly scpLevels: readonly (readonly string[])[]
  readonly actions: readonly string[]
  readonly resources: readonly string[]
  readonly resourcePolicy?: string
  readonly resourceOwner?: string
  readonly callerArn?: string
  readonly context: readonly {
    readonly name: string
    readonly type: string
    readonly values: readonly string[]
  }[]
  readonly maxItems: number
  readonly marker?: string
}

/** What simulation needs from the endpoint */
export interface SimulationState {
  readonly shape: ResponseShape
  readonly rules: readonly DecisionRule[]
  /** Without a matching rule: ask the local evaluator, or answer this decision */
  readonly fallback: 'local' | Decision
  /** The account's principals, for SimulatePrincipalPolicy */
  readonly account: AccountResolver | undefined
  /** The most results a page holds whatever MaxItems says (IAM may return fewer) */
  readonly pageCap: number
  /** Results of recent requests, so that paging does not evaluate everything again */
  readonly cache?: Map<string, Record<string, unknown>[] | QueryFailure>
}

/** True for a request error */
export const isFailure = (v: unknown): v is QueryFailure =>
  typeof v === 'object' && v !== null && 'code' in v && 'status' in v

const CONTEXT_TYPES = ['string', 'numeric', 'boolean', 'ip', 'binary', 'date']

const invalid = (message: string): QueryFailure => ({ status: 400, code: 'InvalidInput', message })

/** Reads a simulation request; a failure is what IAM would answer */
export const readSimulationRequest = (
  api: SimulatorAction,
  p: QueryParams,
): SimulationRequest | QueryFailure => {
  const actions = strings(p.ActionNames)
  if (actions.length === 0)
    return invalid(
      "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
    )
  const maxItems = p.MaxItems === undefined ? 100 : Number(str(p.MaxItems))
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)
    return invalid(
      `1 validation error detected: Value '${str(p.MaxItems)}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    )
  const context = list(p.ContextEntries).map((e) => {
    const s = struct(e)
    return {
      name: str(s.ContextKeyName) ?? '',
      type: str(s.ContextKeyType) ?? '',
      values: strings(s.ContextKeyValues),
    }
  })
  for (const c of context) {
    if (!CONTEXT_TYPES.includes(c.type.replace(/List$/, '')))
      return invalid(
        `1 validation error detected: Value '${c.type}' at 'contextEntries.member.contextKeyType' failed to satisfy constraint`,
      )
    if (c.name.length < 5) return invalid(`context key name '${c.name}' is too short`)
  }
  const scpLevels = list(p.OrderedOrganizationPolicyInputList).map((l) =>
    strings(struct(l).ServiceControlPolicyInputList),
  )
  const request: SimulationRequest = {
    api,
    policySourceArn: str(p.PolicySourceArn),
    policyInputList: strings(p.PolicyInputList),
    boundary: strings(p.PermissionsBoundaryPolicyInputList),
    scpLevels,
    actions,
    resources: strings(p.ResourceArns).length > 0 ? strings(p.ResourceArns) : ['*'],
    resourcePolicy: str(p.ResourcePolicy),
    resourceOwner: str(p.ResourceOwner),
    callerArn: str(p.CallerArn),
    context,
    maxItems,
    marker: str(p.Marker),
  }
  if (api === 'SimulateCustomPolicy') {
    if (request.policyInputList.length === 0)
      return invalid(
        "1 validation error detected: Value null at 'policyInputList' failed to satisfy constraint: Member must not be null",
      )
    if (actions.some((a) => /[*?]/.test(a)))
      return invalid('Actions with wildcards are not supported in SimulateCustomPolicy')
    if (request.resourcePolicy && !request.callerArn)
      return invalid("Missing required parameter for this request: 'CallerArn'")
  } else if (!request.policySourceArn) {
    return invalid(
      "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null",
    )
  }
  if (request.callerArn && !/^arn:[^:]+:iam::\d{12}:(user|role|group)\//.test(request.callerArn))
    return invalid(`Invalid CallerArn: ${request.callerArn}`)
  if (scpLevels.length > 7)
    return invalid('OrderedOrganizationPolicyInputList must not have more than 7 levels')
  if (request.boundary.length > 1) return invalid('Only one permissions boundary policy may be given')
  return request
}
