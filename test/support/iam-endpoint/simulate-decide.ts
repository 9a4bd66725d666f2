/**
 * How the local endpoint decides one (action, resource) pair of a simulation: the first matching rule
 * of its programmable table, else the local evaluator over exactly the policies and context that were
 * sent (account principals' policies from the endpoint's account), with matched statements named as
 * the simulator names them (`PolicyInputList.1`, `ResourcePolicy`, an account policy's name) and
 * positioned in the text that was sent. SCP statements and SCP-only keys are never reported
 * (aws-cli#10525).
 * @module
 */
import { policyDocumentToJson } from '../../../core/aws/snapshot/index.ts'
import type { Decision, MatchedStatement, PolicySet, RequestContext } from '../../../core/evaluator/index.ts'
import { evaluate } from '../../../core/evaluator/index.ts'
import { parseArn, parsePolicyText } from '../../../core/policy/index.ts'
import type { NamedPolicy, PolicyDocument, PolicyKind } from '../../../core/policy/types.ts'
import type { AccountResolver } from '../../../core/suite/index.ts'
import { parsePrincipalArn } from '../../../core/suite/index.ts'
import {
  isFailure,
  type QueryFailure,
  type SimulationRequest,
  type SimulationState,
  type StatementJson,
} from './simulate-request.ts'

const glob = (pattern: string | undefined, value: string | undefined): boolean => {
  if (pattern === undefined) return true
  if (value === undefined) return false
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`, 'i').test(value)
}

/** A policy as the simulated request sees it: its SourcePolicyId and type, and spans into its text */
interface InputPolicy {
  readonly id: string
  readonly type: string
  readonly policy: NamedPolicy
}

const parseInput = (id: string, type: string, text: string, kind: PolicyKind): InputPolicy | QueryFailure => {
  const parsed = parsePolicyText(text, kind)
  if (!parsed.ok) {
    const first = parsed.issues.find((i) => i.severity !== 'warning') ?? parsed.issues[0]
    return {
      status: 400,
      code: 'MalformedPolicyDocument',
      message: `${id}: ${first?.message ?? 'invalid policy'}`,
    }
  }
  return { id, type, policy: { name: id, document: parsed.value } }
}

/** An account policy under the name the simulator reports, with spans into its stored text */
const accountInput = (policy: NamedPolicy, principalKind: 'user' | 'role'): InputPolicy => {
  const managed = policy.arn !== undefined
  const group = policy.name.startsWith('group:')
  const id = managed ? policy.name : policy.name.replace(/^inline:/, '').replace(/^group:[^/]*\//, '')
  const type = managed
    ? policy.arn?.includes(':aws:policy/')
      ? 'aws-managed'
      : 'user-managed'
    : group
      ? 'group'
      : principalKind
  const parsed = parseInput(id, type, JSON.stringify(policyDocumentToJson(policy.document)), 'identity')
  return isFailure(parsed) ? { id, type, policy } : parsed
}

/** The policies of a simulation, by SourcePolicyId */
export interface Inputs {
  readonly identity: readonly InputPolicy[]
  readonly boundary?: InputPolicy
  readonly scps: readonly (readonly InputPolicy[])[]
  readonly resource?: InputPolicy
}

export const readInputs = (
  r: SimulationRequest,
  account: AccountResolver | undefined,
): Inputs | QueryFailure => {
  if (r.api === 'SimulateCustomPolicy') return readRest(r, [], undefined)
  const arn = r.policySourceArn ?? ''
  const kind = parsePrincipalArn(arn)?.kind
  const found = kind === 'user' || kind === 'role' ? account?.getPrincipal(arn) : undefined
  if (!found || (kind !== 'user' && kind !== 'role'))
    return { status: 404, code: 'NoSuchEntity', message: `The entity ${arn} cannot be found.` }
  const boundary = found.permissionsBoundary ? accountInput(found.permissionsBoundary, kind) : undefined
  return readRest(
    r,
    found.policies.map((p) => accountInput(p, kind)),
    boundary && { ...boundary, type: 'permissions-boundary' },
  )
}

const readRest = (
  r: SimulationRequest,
  identity: InputPolicy[],
  accountBoundary: InputPolicy | undefined,
): Inputs | QueryFailure => {
  for (const [i, text] of r.policyInputList.entries()) {
    const p = parseInput(`PolicyInputList.${i + 1}`, 'none', text, 'identity')
    if (isFailure(p)) return p
    identity.push(p)
  }
  let boundary = accountBoundary
  if (r.boundary[0] !== undefined) {
    const b = parseInput('PermissionsBoundaryPolicyInputList.1', 'none', r.boundary[0], 'boundary')
    if (isFailure(b)) return b
    boundary = b
  }
  const scps: InputPolicy[][] = []
  for (const [l, level] of r.scpLevels.entries()) {
    const out: InputPolicy[] = []
    for (const [j, text] of level.entries()) {
      const p = parseInput(
        `OrderedOrganizationPolicyInputList.${l + 1}.ServiceControlPolicyInputList.${j + 1}`,
        'scp',
        text,
        'scp',
      )
      if (isFailure(p)) return p
      out.push(p)
    }
    scps.push(out)
  }
  let resource: InputPolicy | undefined
  if (r.resourcePolicy !== undefined) {
    const p = parseInput('ResourcePolicy', 'resource', r.resourcePolicy, 'resource')
    if (isFailure(p)) return p
    resource = p
  }
  return { identity, ...(boundary ? { boundary } : {}), scps, ...(resource ? { resource } : {}) }
}

/** One (action, resource) answer */
export interface PairAnswer {
  readonly decision: Decision
  readonly matched: readonly StatementJson[]
  readonly missing: readonly string[]
}

const contextOf = (r: SimulationRequest): RequestContext =>
  new Map(
    r.context.map((c) => [
      c.name.toLowerCase(),
      {
        values: c.values,
        multi: c.type.endsWith('List'),
        type: c.type.replace(/List$/, '') as 'string',
      },
    ]),
  )

const accountOfArn = (arn: string | undefined): string | undefined => arn?.split(':')[4] || undefined

const byId = (inputs: Inputs): Map<string, InputPolicy> => {
  const all = [
    ...inputs.identity,
    ...inputs.scps.flat(),
    ...(inputs.boundary ? [inputs.boundary] : []),
    ...(inputs.resource ? [inputs.resource] : []),
  ]
  return new Map(all.map((p) => [p.id, p]))
}

const scpOnlyKeys = (inputs: Inputs): Set<string> => {
  const keys = (docs: readonly PolicyDocument[]) =>
    new Set(docs.flatMap((d) => d.statements.flatMap((s) => s.conditions.map((c) => c.key.toLowerCase()))))
  const scp = keys(inputs.scps.flat().map((p) => p.policy.document))
  const other = keys(
    [
      ...inputs.identity,
      ...(inputs.boundary ? [inputs.boundary] : []),
      ...(inputs.resource ? [inputs.resource] : []),
    ].map((p) => p.policy.document),
  )
  return new Set([...scp].filter((k) => !other.has(k)))
}

const statementJson = (m: MatchedStatement, ids: Map<string, InputPolicy>): StatementJson | undefined => {
  const input = ids.get(m.policy)
  const s = input?.policy.document.statements[m.index]
  if (!input || !s || m.policyType === 'scp' || m.policyType === 'rcp') return undefined
  return {
    SourcePolicyId: input.id,
    SourcePolicyType: input.type,
    StartPosition: { Line: s.span.line, Column: s.span.column },
    EndPosition: { Line: s.span.endLine, Column: s.span.endColumn },
  }
}

/** Decides one pair with the local evaluator, over exactly what was sent */
const decideLocally = (
  r: SimulationRequest,
  inputs: Inputs,
  action: string,
  resource: string,
): PairAnswer => {
  const context = contextOf(r)
  const callerArn =
    r.callerArn ??
    r.policySourceArn ??
    context.get('aws:principalarn')?.values[0] ??
    'arn:aws:iam::000000000000:user/simulated'
  const p = parsePrincipalArn(callerArn)
  const account = p && p.kind !== 'anonymous' ? p.account : accountOfArn(callerArn)
  const caller =
    p?.kind === 'role'
      ? { type: 'assumedRole' as const, arn: callerArn, account, roleArn: callerArn }
      : { type: 'user' as const, arn: callerArn, account }
  const resourceAccount =
    accountOfArn(r.resourceOwner) ??
    context.get('aws:resourceaccount')?.values[0] ??
    (parseArn(resource)?.account || account)
  const set: PolicySet = {
    identity: inputs.identity.map((i) => i.policy),
    ...(inputs.boundary ? { boundary: inputs.boundary.policy } : {}),
    ...(inputs.scps.length > 0 ? { scpLevels: inputs.scps.map((l) => l.map((i) => i.policy)) } : {}),
    ...(inputs.resource
      ? {
          resource: inputs.resource.policy,
          resourcePolicyKind: /^arn:[^:]+:kms:/.test(resource) ? 'kms' : 'standard',
        }
      : {}),
  }
  const result = evaluate({ caller, action, resource, resourceAccount, context }, set, { explain: 'reasons' })
  const ids = byId(inputs)
  const hidden = scpOnlyKeys(inputs)
  return {
    decision: result.decision,
    matched: result.reasons
      .map((m) => statementJson(m, ids))
      .filter((s): s is StatementJson => s !== undefined),
    missing: result.missingContextKeys.filter((k) => !hidden.has(k.toLowerCase())),
  }
}

/** The answer of one pair: the first matching rule, else the fallback */
export const answerPair = (
  r: SimulationRequest,
  inputs: Inputs,
  state: SimulationState,
  action: string,
  resource: string,
): PairAnswer => {
  const principal =
    r.policySourceArn ??
    r.callerArn ??
    r.context.find((c) => c.name.toLowerCase() === 'aws:principalarn')?.values[0]
  const rule = state.rules.find(
    (x) =>
      (x.api === undefined || x.api === r.api) &&
      glob(x.action, action) &&
      glob(x.resource, resource) &&
      glob(x.principal, principal),
  )
  if (rule)
    return {
      decision: rule.decision,
      matched: rule.matchedStatements ?? [],
      missing: rule.missingContextValues ?? [],
    }
  if (state.fallback !== 'local') return { decision: state.fallback, matched: [], missing: [] }
  return decideLocally(r, inputs, action, resource)
}
