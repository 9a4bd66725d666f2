/**
 * Turning a check into a simulation: which API (SimulatePrincipalPolicy for principals that live in the
 * account, SimulateCustomPolicy for principals the suite defines), which policies go in which list,
 * the caller, the resource owner and the typed context. Checks the simulator cannot model are skipped
 * with a reason. Everything but the action and the resource makes the batching key.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * @module
 */
import type { ContextEntry } from '@aws-sdk/client-iam'
import { deriveContext } from '../evaluator/derive-context.ts'
import type { Identity, ResourceModel } from '../evaluator/model.ts'
import type { PolicyType } from '../evaluator/types.ts'
import { NO_SPAN, parseArn } from '../policy/index.ts'
import type { NamedPolicy, PolicyKind } from '../policy/types.ts'
import type { AccountResolver, Check, ResolvedPrincipal } from '../suite/index.ts'
import { parsePrincipalArn } from '../suite/index.ts'
import { type KeyInfoLookup, toContextEntries } from './context-entries.ts'
import { policyJson } from './policy-json.ts'
import { SKIP_REASONS, skipCodeOf } from './skip-reasons.ts'

/** The two simulator operations */
export type SimulatorApi = 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy'

/** A policy as sent: its text, and what it is (to name matched statements) */
export interface SentPolicy {
  readonly policy: NamedPolicy
  readonly text: string
  readonly kind: PolicyKind
  readonly policyType: PolicyType
}

/** One simulation's parameters, all but ActionNames and ResourceArns */
export interface Simulation {
  readonly api: SimulatorApi
  readonly policySourceArn?: string
  /** PolicyInputList: every identity policy (Custom), or the suite's additions (Principal) */
  readonly policies: readonly SentPolicy[]
  readonly boundary?: SentPolicy
  /** OrderedOrganizationPolicyInputList levels, root first (Custom only) */
  readonly scpLevels?: readonly (readonly SentPolicy[])[]
  readonly resourcePolicy?: SentPolicy
  /** `arn:aws:iam::ACCOUNT:root` */
  readonly resourceOwner?: string
  readonly callerArn?: string
  readonly contextEntries: readonly ContextEntry[]
  /** The identity policies the local side knew (an account principal's too), to name matched statements */
  readonly knownPolicies: readonly NamedPolicy[]
  /** Equal for simulations that may share a call */
  readonly key: string
}

/** What to do with a check */
export type CheckPlan =
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'simulate'; readonly simulation: Simulation }

/** What planning needs besides the check */
export interface PlanOptions {
  readonly keyInfo: KeyInfoLookup
  /** The account resolver of the run: tells an account principal's own policies from the suite's additions */
  readonly resolver?: AccountResolver
}

/**
 * Sent in PolicyInputList when a suite principal has no identity policy (Custom requires one): it
 * denies nothing and allows nothing
 */
export const NO_IDENTITY_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}'

/** NO_IDENTITY_POLICY as sent (never reported: it matches nothing) */
const NO_IDENTITY_SENT: SentPolicy = {
  policy: {
    name: '(no identity policy)',
    document: { version: '2012-10-17', id: undefined, statements: [], span: NO_SPAN },
  },
  text: NO_IDENTITY_POLICY,
  kind: 'identity',
  policyType: 'identity',
}

const texts = new WeakMap<NamedPolicy, string>()

/** A policy's text, computed once per policy object */
const textOf = (policy: NamedPolicy): string => {
  let text = texts.get(policy)
  if (text === undefined) {
    text = policyJson(policy)
    texts.set(policy, text)
  }
  return text
}

const sent = (policy: NamedPolicy, kind: PolicyKind, policyType: PolicyType): SentPolicy => ({
  policy,
  text: textOf(policy),
  kind,
  policyType,
})

const samePolicy = (a: NamedPolicy, b: NamedPolicy): boolean =>
  a === b || (a.name === b.name && a.arn === b.arn)

/** A minimal identity from the principal ARN, for an account principal the local side could not resolve */
const identityFromArn = (check: Check): Identity | undefined => {
  const p = parsePrincipalArn(check.principal)
  if (p?.kind === 'user')
    return {
      caller: { type: 'user', arn: p.arn, account: p.account },
      identityPolicies: [],
      tags: {},
      userName: p.name,
    }
  if (p?.kind === 'role') {
    const session = `arn:${p.partition}:sts::${p.account}:assumed-role/${p.name}/${check.principalName ?? p.name}`
    return {
      caller: { type: 'assumedRole', arn: session, account: p.account, roleArn: p.arn },
      identityPolicies: [],
      tags: {},
    }
  }
  return undefined
}

const resourceFromArn = (check: Check, identity: Identity): ResourceModel => {
  const account = parseArn(check.resource)?.account
  return { arn: check.resource, account: account || identity.caller.account, tags: {} }
}

/** The ARN of the caller as the simulator accepts it: a user's ARN, or a role session's role */
const callerArnOf = (identity: Identity): string | undefined => {
  const c = identity.caller
  if (c.type === 'user') return c.arn
  if (c.type === 'assumedRole') return c.roleArn
  return undefined
}

const partitionOf = (arn: string | undefined): string => arn?.split(':')[1] || 'aws'

const tagSpellings = (identity: Identity, resource: ResourceModel): Map<string, string> => {
  const out = new Map<string, string>()
  for (const key of [...Object.keys(identity.tags), ...Object.keys(resource.tags)])
    out.set(key.toLowerCase(), key)
  return out
}

/** An ARN with the IAM path the account gives it (a suite may write `role/R` for `role/app/R`) */
export const withAccountPath = (arn: string, path: string | undefined): string => {
  const p = parsePrincipalArn(arn)
  if (!path || path === '/' || (p?.kind !== 'user' && p?.kind !== 'role') || p.path !== '/') return arn
  return `arn:${p.partition}:iam::${p.account}:${p.kind}${path}${p.name}`
}

/** The suite's additions to an account principal: policies and a boundary the account does not hold */
const accountOverrides = (identity: Identity, found: ResolvedPrincipal | undefined) => {
  const suiteLoaded = (p: NamedPolicy) => typeof (p as { source?: unknown }).source === 'string'
  const policies = found
    ? identity.identityPolicies.filter((p) => !found.policies.some((q) => samePolicy(p, q)))
    : identity.identityPolicies.filter(suiteLoaded)
  const b = identity.boundary
  const boundary =
    b && (found ? !found.permissionsBoundary || !samePolicy(b, found.permissionsBoundary) : suiteLoaded(b))
      ? b
      : undefined
  return { policies, boundary }
}

const keyOf = (s: Omit<Simulation, 'key' | 'knownPolicies'>): string =>
  JSON.stringify([
    s.api,
    s.policySourceArn ?? null,
    s.callerArn ?? null,
    s.resourceOwner ?? null,
    s.policies.map((p) => p.text),
    s.boundary?.text ?? null,
    s.scpLevels?.map((level) => level.map((p) => p.text)) ?? null,
    s.resourcePolicy?.text ?? null,
    s.contextEntries.map((e) => [e.ContextKeyName, e.ContextKeyType, e.ContextKeyValues]),
  ])

/** What both APIs take the same way */
type Common = Pick<Simulation, 'resourcePolicy' | 'resourceOwner' | 'contextEntries'>

const principalSimulation = (
  check: Check,
  identity: Identity,
  common: Common,
  resolver: AccountResolver | undefined,
): Omit<Simulation, 'key' | 'knownPolicies'> => {
  const found = resolver?.getPrincipal(check.principal)
  const source = withAccountPath(check.principal, found?.path)
  const extra = accountOverrides(identity, found)
  return {
    api: 'SimulatePrincipalPolicy',
    policySourceArn: source,
    policies: extra.policies.map((p) => sent(p, 'identity', 'identity')),
    ...(extra.boundary ? { boundary: sent(extra.boundary, 'boundary', 'boundary') } : {}),
    ...common,
    ...(common.resourcePolicy || common.resourceOwner ? { callerArn: source } : {}),
  }
}

const customSimulation = (identity: Identity, common: Common): Omit<Simulation, 'key' | 'knownPolicies'> => {
  const callerArn = callerArnOf(identity)
  return {
    api: 'SimulateCustomPolicy',
    policies:
      identity.identityPolicies.length > 0
        ? identity.identityPolicies.map((p) => sent(p, 'identity', 'identity'))
        : [NO_IDENTITY_SENT],
    ...(identity.boundary ? { boundary: sent(identity.boundary, 'boundary', 'boundary') } : {}),
    ...(identity.scpLevels
      ? { scpLevels: identity.scpLevels.map((level) => level.map((p) => sent(p, 'scp', 'scp'))) }
      : {}),
    ...common,
    ...((common.resourcePolicy || common.resourceOwner) && callerArn ? { callerArn } : {}),
  }
}

/** Plans one check: skip it (with the reason), fail it, or simulate it */
export const planCheck = (check: Check, options: PlanOptions): CheckPlan => {
  const account = check.policySource === 'account'
  const identity = check.identity ?? (account ? identityFromArn(check) : undefined)
  const skip = skipCodeOf(check, identity, check.resourceModel, !account)
  if (skip) return { kind: 'skip', reason: SKIP_REASONS[skip] }
  if (!identity || (!account && (check.unresolved !== undefined || !check.resourceModel))) {
    return { kind: 'error', message: check.unresolved ?? 'the check could not be built' }
  }
  const resource = check.resourceModel ?? resourceFromArn(check, identity)
  const context = deriveContext(identity, resource, check.context)
  const resourcePolicy = resource.policy ? sent(resource.policy, 'resource', 'resource') : undefined
  const owner = resource.account ?? identity.caller.account
  const crossAccount = owner !== undefined && owner !== identity.caller.account && resource.arn !== '*'
  const partition = partitionOf(identity.caller.arn)
  const common: Common = {
    ...(resourcePolicy ? { resourcePolicy } : {}),
    ...(owner && (resourcePolicy || crossAccount)
      ? { resourceOwner: `arn:${partition}:iam::${owner}:root` }
      : {}),
    contextEntries: toContextEntries(context, options.keyInfo, tagSpellings(identity, resource)),
  }
  const base = account
    ? principalSimulation(check, identity, common, options.resolver)
    : customSimulation(identity, common)
  return {
    kind: 'simulate',
    simulation: { ...base, knownPolicies: identity.identityPolicies, key: keyOf(base) },
  }
}
