/**
 * One simulator call: the request built from a planned call, paged with Marker while IsTruncated
 * (IAM may return fewer than MaxItems even when more exist), each page retried on its own.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * @module
 */
import {
  type EvaluationResult,
  type IAMClient,
  SimulateCustomPolicyCommand,
  type SimulateCustomPolicyCommandInput,
  type SimulatePolicyResponse,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam'
import type { PlannedCall } from './batching.ts'
import { type RetryOptions, withRetry } from './retry.ts'

/** The largest MaxItems the simulator accepts */
export const MAX_ITEMS_LIMIT = 1_000

/** What a call returned: every result it got, and the failure that stopped it, if any */
export interface CallOutcome {
  readonly results: readonly EvaluationResult[]
  readonly error?: unknown
  /** Pages requested (attempts not counted) */
  readonly pages: number
}

/** The request parameters of a planned call (without Marker) */
export const requestOf = (
  call: PlannedCall,
  maxItems: number,
): SimulatePrincipalPolicyCommandInput | SimulateCustomPolicyCommandInput => {
  const s = call.simulation
  const common = {
    ActionNames: [...call.actions],
    ResourceArns: [...call.resources],
    ...(s.boundary ? { PermissionsBoundaryPolicyInputList: [s.boundary.text] } : {}),
    ...(s.resourcePolicy ? { ResourcePolicy: s.resourcePolicy.text } : {}),
    ...(s.resourceOwner ? { ResourceOwner: s.resourceOwner } : {}),
    ...(s.callerArn ? { CallerArn: s.callerArn } : {}),
    ...(s.contextEntries.length > 0 ? { ContextEntries: [...s.contextEntries] } : {}),
    MaxItems: Math.min(MAX_ITEMS_LIMIT, Math.max(1, maxItems)),
  }
  if (s.api === 'SimulatePrincipalPolicy') {
    return {
      PolicySourceArn: s.policySourceArn,
      ...(s.policies.length > 0 ? { PolicyInputList: s.policies.map((p) => p.text) } : {}),
      ...common,
    }
  }
  return {
    PolicyInputList: s.policies.map((p) => p.text),
    ...(s.scpLevels
      ? {
          OrderedOrganizationPolicyInputList: s.scpLevels.map((level) => ({
            ServiceControlPolicyInputList: level.map((p) => p.text),
          })),
        }
      : {}),
    ...common,
  }
}

const sendPage = (
  client: IAMClient,
  call: PlannedCall,
  input: SimulatePrincipalPolicyCommandInput | SimulateCustomPolicyCommandInput,
): Promise<SimulatePolicyResponse> =>
  call.simulation.api === 'SimulatePrincipalPolicy'
    ? client.send(new SimulatePrincipalPolicyCommand(input as SimulatePrincipalPolicyCommandInput))
    : client.send(new SimulateCustomPolicyCommand(input as SimulateCustomPolicyCommandInput))

/** Runs a planned call through every page; `around` wraps each page (the semaphore) */
export const runCall = async (
  client: IAMClient,
  call: PlannedCall,
  options: {
    readonly maxItems: number
    readonly retry: RetryOptions
    readonly around: <T>(task: () => Promise<T>) => Promise<T>
    readonly onPage?: () => void
  },
): Promise<CallOutcome> => {
  const base = requestOf(call, options.maxItems)
  const results: EvaluationResult[] = []
  let marker: string | undefined
  let pages = 0
  try {
    for (;;) {
      const input = marker ? { ...base, Marker: marker } : base
      pages++
      const page = await withRetry(() => options.around(() => sendPage(client, call, input)), options.retry)
      options.onPage?.()
      results.push(...(page.EvaluationResults ?? []))
      if (!page.IsTruncated) break
      if (!page.Marker || page.Marker === marker)
        throw new Error('the simulator said more results follow but gave no new marker')
      marker = page.Marker
    }
    return { results, pages }
  } catch (error) {
    return { results, error, pages }
  }
}
