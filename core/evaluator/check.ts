/**
 * Deciding one check: derive the request context from the identity and resource, then evaluate; and
 * sts:AssumeRole hops of a role chain.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 * @module
 */
import { contextValue, singleValue } from './context-value.ts'
import { deriveContext } from './derive-context.ts'
import { type EvaluateInternalOptions, evaluate } from './evaluate.ts'
import { memoIn } from './memo-by-object.ts'
import type { AssumeRoleHop, CheckInput, Identity, ResourceModel } from './model.ts'
import type { ContextValue, EvaluationResult, PolicySet, RequestContext } from './types.ts'

const buildPolicySet = (
  identity: Identity,
  resource: ResourceModel,
  endpointPolicy: CheckInput['endpointPolicy'],
): PolicySet => ({
  identity: identity.identityPolicies,
  ...(identity.boundary ? { boundary: identity.boundary } : {}),
  ...(identity.sessionPolicies ? { session: identity.sessionPolicies } : {}),
  ...(identity.scpLevels ? { scpLevels: identity.scpLevels } : {}),
  ...(resource.rcpLevels ? { rcpLevels: resource.rcpLevels } : {}),
  ...(resource.policy
    ? { resource: resource.policy, resourcePolicyKind: resource.policyKind ?? 'standard' }
    : {}),
  ...(endpointPolicy ? { endpoint: endpointPolicy } : {}),
})

// INVARIANT: identities, policies and policy lists are never mutated once built, so the policy set of
// the same identity, resource policy, RCP levels and endpoint policy is built once and shared
const NONE = {}
const policySets = new WeakMap<
  Identity,
  WeakMap<object, WeakMap<object, WeakMap<object, Map<string, PolicySet>>>>
>()

/** The policy set that applies when an identity acts on a resource (one shared object per combination) */
export const policySetFor = (
  identity: Identity,
  resource: ResourceModel,
  endpointPolicy?: CheckInput['endpointPolicy'],
): PolicySet => {
  const kind = resource.policyKind ?? 'standard'
  const last = lastSet
  // Consecutive checks mostly share all five: one comparison each instead of five lookups
  if (
    last !== undefined &&
    last.identity === identity &&
    last.policy === resource.policy &&
    last.kind === kind &&
    last.rcps === resource.rcpLevels &&
    last.endpoint === endpointPolicy
  )
    return last.set
  const set = lookUpPolicySet(identity, resource, kind, endpointPolicy)
  lastSet = {
    identity,
    policy: resource.policy,
    kind,
    rcps: resource.rcpLevels,
    endpoint: endpointPolicy,
    set,
  }
  return set
}

let lastSet:
  | {
      readonly identity: Identity
      readonly policy: ResourceModel['policy']
      readonly kind: string
      readonly rcps: ResourceModel['rcpLevels']
      readonly endpoint: CheckInput['endpointPolicy']
      readonly set: PolicySet
    }
  | undefined

const lookUpPolicySet = (
  identity: Identity,
  resource: ResourceModel,
  kind: string,
  endpointPolicy: CheckInput['endpointPolicy'],
): PolicySet => {
  const byPolicy = memoIn(policySets, identity, () => new WeakMap())
  const byRcps = memoIn(byPolicy, resource.policy ?? NONE, () => new WeakMap())
  const byEndpoint = memoIn(byRcps, resource.rcpLevels ?? NONE, () => new WeakMap())
  const byKind = memoIn(byEndpoint, endpointPolicy ?? NONE, () => new Map<string, PolicySet>())
  let set = byKind.get(kind)
  if (set === undefined) {
    set = buildPolicySet(identity, resource, endpointPolicy)
    byKind.set(kind, set)
  }
  return set
}

/** Decides one request made by an identity on a resource */
export const evaluateCheck = (input: CheckInput, options: EvaluateInternalOptions = {}): EvaluationResult =>
  evaluate(
    {
      caller: input.identity.caller,
      action: input.action,
      resource: input.resource.arn,
      resourceAccount: input.resource.account ?? input.identity.caller.account,
      context: deriveContext(input.identity, input.resource, input.context),
    },
    policySetFor(input.identity, input.resource, input.endpointPolicy),
    options,
  )

/** The outcome of one sts:AssumeRole hop: the decision and, when allowed, the new session identity */
export interface AssumeRoleOutcome {
  readonly result: EvaluationResult
  readonly session: Identity | undefined
  /** The action that decided a refusal (sts:AssumeRole, sts:TagSession or sts:SetSourceIdentity) */
  readonly action: string
}

const roleNameOf = (roleArn: string): string => roleArn.slice(roleArn.lastIndexOf('/') + 1)
const accountOf = (arn: string): string | undefined => arn.split(':')[4] || undefined
const list = (values: readonly string[]): ContextValue => contextValue(values, true, 'string')
const one = (value: string): ContextValue => singleValue(value)

/** The keys of the AssumeRole request itself: request tags, session name, source identity */
const assumeRoleRequestContext = (hop: AssumeRoleHop): RequestContext => {
  const ctx = new Map<string, ContextValue>()
  ctx.set('sts:rolesessionname', one(hop.sessionName))
  const tags = Object.entries(hop.sessionTags ?? {})
  for (const [key, value] of tags) ctx.set(`aws:requesttag/${key.toLowerCase()}`, one(value))
  if (tags.length > 0) ctx.set('aws:tagkeys', list(tags.map(([k]) => k)))
  if (hop.transitiveTagKeys && hop.transitiveTagKeys.length > 0)
    ctx.set('sts:transitivetagkeys', list(hop.transitiveTagKeys))
  if (hop.sourceIdentity) ctx.set('sts:sourceidentity', one(hop.sourceIdentity))
  for (const [key, value] of hop.context) ctx.set(key.toLowerCase(), value)
  return ctx
}

/** Merges tags, later sources overriding earlier ones whatever the key case */
const mergeTags = (...sources: Readonly<Record<string, string>>[]): Record<string, string> => {
  const byLower = new Map<string, [string, string]>()
  for (const source of sources)
    for (const [k, v] of Object.entries(source)) byLower.set(k.toLowerCase(), [k, v])
  return Object.fromEntries(byLower.values())
}

const refusal = (result: EvaluationResult, action: string): AssumeRoleOutcome => ({
  result,
  session: undefined,
  action,
})

/** Decides sts:AssumeRole by `current` on the hop's role and builds the resulting session */
export const assumeRole = (
  current: Identity,
  hop: AssumeRoleHop,
  options: EvaluateInternalOptions = {},
): AssumeRoleOutcome => {
  const roleAccount = accountOf(hop.roleArn)
  const roleResource: ResourceModel = {
    arn: hop.roleArn,
    account: roleAccount,
    tags: hop.role.tags,
    ...(hop.trustPolicy ? { policy: hop.trustPolicy, policyKind: 'trust' as const } : {}),
  }
  const noTrust: ResourceModel = { ...roleResource, policyKind: 'trust' }
  const context = assumeRoleRequestContext(hop)
  const decideAction = (action: string) =>
    evaluateCheck(
      { identity: current, action, resource: hop.trustPolicy ? roleResource : noTrust, context },
      options,
    )

  // The root user cannot assume a role (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-api.html)
  if (current.caller.type === 'root') {
    return refusal(
      {
        decision: 'implicitDeny',
        reasons: [],
        missingContextKeys: [],
        errors: [{ code: 'root-cannot-assume-role', message: 'the account root user cannot assume a role' }],
      },
      'sts:AssumeRole',
    )
  }
  const assume = decideAction('sts:AssumeRole')
  // A role without a trust policy cannot be assumed: the trust policy must always allow the caller
  if (!hop.trustPolicy && assume.decision === 'allowed') {
    return refusal({ ...assume, decision: 'implicitDeny', reasons: [] }, 'sts:AssumeRole')
  }
  if (assume.decision !== 'allowed') return refusal(assume, 'sts:AssumeRole')
  // Passing session tags needs sts:TagSession, setting a source identity sts:SetSourceIdentity
  if (Object.keys(hop.sessionTags ?? {}).length > 0) {
    const tag = decideAction('sts:TagSession')
    if (tag.decision !== 'allowed') return refusal(tag, 'sts:TagSession')
  }
  if (hop.sourceIdentity !== undefined) {
    // Once set, a source identity cannot change along the chain
    if (current.sourceIdentity !== undefined && current.sourceIdentity !== hop.sourceIdentity) {
      return refusal(
        {
          decision: 'implicitDeny',
          reasons: [],
          missingContextKeys: [],
          errors: [
            {
              code: 'source-identity-changed',
              message: `source identity \`${current.sourceIdentity}\` cannot change to \`${hop.sourceIdentity}\``,
            },
          ],
        },
        'sts:SetSourceIdentity',
      )
    }
    const set = decideAction('sts:SetSourceIdentity')
    if (set.decision !== 'allowed') return refusal(set, 'sts:SetSourceIdentity')
  }

  // Transitive session tags of the previous session pass down the chain and override the role's tags
  const inherited: Record<string, string> = {}
  for (const key of current.transitiveTagKeys ?? []) {
    const entry = Object.entries(current.tags).find(([k]) => k.toLowerCase() === key.toLowerCase())
    if (entry) inherited[entry[0]] = entry[1]
  }
  const transitive = [...(current.transitiveTagKeys ?? []), ...(hop.transitiveTagKeys ?? [])]
  const sessionArn = `arn:aws:sts::${roleAccount ?? ''}:assumed-role/${roleNameOf(hop.roleArn)}/${hop.sessionName}`
  const chained = current.caller.type === 'assumedRole'
  const sourceIdentity = hop.sourceIdentity ?? current.sourceIdentity
  const session: Identity = {
    caller: { type: 'assumedRole', arn: sessionArn, account: roleAccount, roleArn: hop.roleArn },
    identityPolicies: hop.role.identityPolicies,
    ...(hop.role.boundary ? { boundary: hop.role.boundary } : {}),
    ...(hop.sessionPolicies ? { sessionPolicies: hop.sessionPolicies } : {}),
    ...(hop.role.scpLevels ? { scpLevels: hop.role.scpLevels } : {}),
    tags: mergeTags(hop.role.tags, inherited, hop.sessionTags ?? {}),
    ...(hop.role.userId ? { userId: `${hop.role.userId}:${hop.sessionName}` } : {}),
    ...(transitive.length > 0 ? { transitiveTagKeys: transitive } : {}),
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    // Role chaining caps the session at one hour (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining)
    ...(chained ? { chained: true } : {}),
  }
  return { result: assume, session, action: 'sts:AssumeRole' }
}
