/**
 * Test helpers: build named policies, identities and resources from plain objects.
 * @module
 */
import type { Identity, ResourceModel } from '../../core/evaluator/model.ts'
import type { Caller, ContextValue } from '../../core/evaluator/types.ts'
import { parsePolicyValue } from '../../core/policy/index.ts'
import type { NamedPolicy, PolicyKind } from '../../core/policy/types.ts'

/** Parses a policy document or throws with its issues (tests only) */
export const policy = (name: string, document: unknown, kind: PolicyKind = 'identity'): NamedPolicy => {
  const parsed = parsePolicyValue(document, kind)
  if (!parsed.ok)
    throw new Error(
      `invalid test policy ${name}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    )
  return { name, document: parsed.value }
}

/** A policy with the given statements under Version 2012-10-17 */
export const statements = (name: string, kind: PolicyKind, ...Statement: unknown[]): NamedPolicy =>
  policy(name, { Version: '2012-10-17', Statement }, kind)

/** An Allow statement */
export const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Record<string, unknown> = {},
) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
})

/** A Deny statement */
export const deny = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Record<string, unknown> = {},
) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
})

export const A = '111122223333'
export const B = '444455556666'

/** An IAM user identity */
export const userIdentity = (name: string, account = A, extra: Partial<Identity> = {}): Identity => ({
  caller: { type: 'user', arn: `arn:aws:iam::${account}:user/${name}`, account },
  identityPolicies: [],
  tags: {},
  userName: name,
  ...extra,
})

/** A role session identity */
export const roleSession = (
  role: string,
  session = 's1',
  account = A,
  extra: Partial<Identity> = {},
): Identity => ({
  caller: sessionCaller(role, session, account),
  identityPolicies: [],
  tags: {},
  ...extra,
})

/** The caller of a role session */
export const sessionCaller = (role: string, session = 's1', account = A): Caller => ({
  type: 'assumedRole',
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
  account,
  roleArn: `arn:aws:iam::${account}:role/${role}`,
})

/** A resource */
export const resource = (arn: string, extra: Partial<ResourceModel> = {}): ResourceModel => ({
  arn,
  account: extra.account ?? (arn.split(':')[4] || undefined),
  tags: {},
  ...extra,
})

/** A request context from plain values (arrays are multivalued) */
export const context = (entries: Record<string, string | boolean | number | (string | number)[]> = {}) =>
  new Map<string, ContextValue>(
    Object.entries(entries).map(([k, v]) => [
      k.toLowerCase(),
      Array.isArray(v) ? { values: v.map(String), multi: true } : { values: [String(v)], multi: false },
    ]),
  )
