/**
 * The request context IAM itself would set from the principal and the resource, with the author's
 * context laid over it. It never invents aws:CurrentTime or MFA keys: a condition on them with no
 * value in the context behaves as a missing key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @module
 */
import { contextKey } from './context-key.ts'
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

const single = (value: string, type: ContextValue['type'] = 'string'): ContextValue => ({
  values: [value],
  multi: false,
  type,
})

/** The aws:PrincipalArn of a caller: the role ARN for role sessions, the caller's ARN otherwise */
export const principalArnOf = (identity: Identity): string | undefined => {
  const c = identity.caller
  if (c.type === 'anonymous' || c.type === 'service') return undefined
  if (c.type === 'assumedRole') return c.roleArn ?? c.arn
  if (c.type === 'root') return `arn:aws:iam::${c.account}:root`
  return c.arn
}

/** The keys IAM derives from the identity and the resource (lower-case keys) */
export const derivedContext = (
  identity: Identity,
  resource: ResourceModel | undefined,
): Map<string, ContextValue> => {
  const ctx = new Map<string, ContextValue>()
  const c = identity.caller
  const principalArn = principalArnOf(identity)
  if (principalArn) ctx.set('aws:principalarn', single(principalArn, 'arn'))
  if (c.account && c.type !== 'anonymous' && c.type !== 'service')
    ctx.set('aws:principalaccount', single(c.account))
  ctx.set('aws:principaltype', single(PRINCIPAL_TYPE[c.type]))
  ctx.set('aws:principalisawsservice', single(c.type === 'service' ? 'true' : 'false', 'boolean'))
  if (c.type === 'service') ctx.set('aws:principalservicename', single(c.arn))
  if (c.type === 'user' && identity.userName) ctx.set('aws:username', single(identity.userName))
  if (identity.userId) ctx.set('aws:userid', single(identity.userId))
  else if (c.type === 'anonymous') ctx.set('aws:userid', single('anonymous'))
  if (identity.sourceIdentity) ctx.set('aws:sourceidentity', single(identity.sourceIdentity))
  for (const [key, value] of Object.entries(identity.tags))
    ctx.set(contextKey(`aws:principaltag/${key}`), single(value))
  if (resource) {
    const owner = resource.account ?? c.account
    if (owner && resource.arn !== '*') ctx.set('aws:resourceaccount', single(owner))
    for (const [key, value] of Object.entries(resource.tags))
      ctx.set(contextKey(`aws:resourcetag/${key}`), single(value))
  }
  return ctx
}

/** The derived keys with the author's context laid over them */
export const deriveContext = (
  identity: Identity,
  resource: ResourceModel | undefined,
  overrides: RequestContext,
): RequestContext => {
  const ctx = derivedContext(identity, resource)
  for (const [key, value] of overrides) ctx.set(contextKey(key), value)
  return ctx
}
