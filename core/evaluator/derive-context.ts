/**
 * The request context IAM itself would set from the principal and the resource, with the author's
 * context laid over it. It never invents aws:CurrentTime or MFA keys: a condition on them with no
 * value in the context behaves as a missing key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @module
 */
import { contextKey } from './context-key.ts'
import { singleValue } from './context-value.ts'
import { isCanonical, LayeredContext } from './layered-context.ts'
import { memoByObject } from './memo-by-object.ts'
import type { Identity, ResourceModel } from './model.ts'
import type { CallerType, ContextValue, RequestContext } from './types.ts'

const PRINCIPAL_TYPE: Readonly<Record<CallerType, string>> = {
  user: 'User',
  assumedRole: 'AssumedRole',
  federatedUser: 'FederatedUser',
  root: 'Account',
  anonymous: 'Anonymous',
  service: 'AWSService',
}

/** The aws:PrincipalArn of a caller: the role ARN for role sessions, the caller's ARN otherwise */
export const principalArnOf = (identity: Identity): string | undefined => {
  const c = identity.caller
  if (c.type === 'anonymous' || c.type === 'service') return undefined
  if (c.type === 'assumedRole') return c.roleArn ?? c.arn
  if (c.type === 'root') return `arn:aws:iam::${c.account}:root`
  return c.arn
}

/** The keys IAM derives from the identity alone (lower-case keys) */
const identityKeys = (identity: Identity): Map<string, ContextValue> => {
  const ctx = new Map<string, ContextValue>()
  const c = identity.caller
  const principalArn = principalArnOf(identity)
  if (principalArn) ctx.set('aws:principalarn', singleValue(principalArn, 'arn'))
  if (c.account && c.type !== 'anonymous' && c.type !== 'service')
    ctx.set('aws:principalaccount', singleValue(c.account))
  ctx.set('aws:principaltype', singleValue(PRINCIPAL_TYPE[c.type]))
  ctx.set('aws:principalisawsservice', singleValue(c.type === 'service' ? 'true' : 'false', 'boolean'))
  if (c.type === 'service') ctx.set('aws:principalservicename', singleValue(c.arn))
  if (c.type === 'user' && identity.userName) ctx.set('aws:username', singleValue(identity.userName))
  if (identity.userId) ctx.set('aws:userid', singleValue(identity.userId))
  else if (c.type === 'anonymous') ctx.set('aws:userid', singleValue('anonymous'))
  if (identity.sourceIdentity) ctx.set('aws:sourceidentity', singleValue(identity.sourceIdentity))
  for (const [key, value] of Object.entries(identity.tags))
    ctx.set(contextKey(`aws:principaltag/${key}`), singleValue(value))
  return ctx
}

/** The aws:ResourceTag keys of a tag set */
const resourceTagKeys = (tags: Readonly<Record<string, string>>): Map<string, ContextValue> => {
  const ctx = new Map<string, ContextValue>()
  for (const [key, value] of Object.entries(tags))
    ctx.set(contextKey(`aws:resourcetag/${key}`), singleValue(value))
  return ctx
}

/** The aws:ResourceAccount of a resource, when it has one */
const resourceAccountOf = (identity: Identity, resource: ResourceModel | undefined): string | undefined => {
  if (!resource || resource.arn === '*') return undefined
  return resource.account ?? identity.caller.account
}

/** The keys IAM derives from the identity and the resource (lower-case keys), as one Map */
export const derivedContext = (
  identity: Identity,
  resource: ResourceModel | undefined,
): Map<string, ContextValue> => {
  const ctx = identityKeys(identity)
  const owner = resourceAccountOf(identity, resource)
  if (owner) ctx.set('aws:resourceaccount', singleValue(owner))
  if (resource) for (const [key, value] of resourceTagKeys(resource.tags)) ctx.set(key, value)
  return ctx
}

// INVARIANT: identities, tag sets and request contexts are never mutated once built (all readonly),
// so the layers derived from them are built once and shared
const accountLayers = new Map<string, ReadonlyMap<string, ContextValue>>()

/**
 * A lookup that answers its last key first: the checks of one case come one after the other with the
 * same identity, tags, context and owner, so most lookups are one comparison
 */
const lastFirst = <K, V>(lookup: (key: K) => V): ((key: K) => V) => {
  let lastKey: K | undefined
  let lastValue: V | undefined
  return (key) => {
    if (key !== lastKey || lastValue === undefined) {
      lastValue = lookup(key)
      lastKey = key
    }
    return lastValue
  }
}

const identityLayer = lastFirst(memoByObject(identityKeys))
const tagLayer = lastFirst(memoByObject(resourceTagKeys))

const accountLayer = lastFirst((owner: string): ReadonlyMap<string, ContextValue> => {
  let layer = accountLayers.get(owner)
  if (layer === undefined) {
    layer = new Map([['aws:resourceaccount', singleValue(owner)]])
    if (accountLayers.size >= 10_000) accountLayers.clear()
    accountLayers.set(owner, layer)
  }
  return layer
})

/** The author's context with every key in canonical form (most already are: then it is used as is) */
const canonicalContext = lastFirst(
  memoByObject(
    (c: RequestContext): RequestContext =>
      isCanonical(c, contextKey) ? c : new Map([...c].map(([k, v]) => [contextKey(k), v] as const)),
  ),
)

/**
 * The derived keys with the author's context laid over them. Built from layers (author's context,
 * resource account, resource tags, identity), so a check costs lookups, not a new Map
 */
export const deriveContext = (
  identity: Identity,
  resource: ResourceModel | undefined,
  overrides: RequestContext,
): RequestContext => {
  const owner = resourceAccountOf(identity, resource)
  return new LayeredContext(
    canonicalContext(overrides),
    owner ? accountLayer(owner) : undefined,
    resource ? tagLayer(resource.tags) : undefined,
    identityLayer(identity),
  )
}
