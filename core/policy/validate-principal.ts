/**
 * Validation of Principal / NotPrincipal values and building their PrincipalSet.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @module
 */
import { hasWildcardChar, isKnownPartition, parseArn } from './arn.ts'
import { didYouMean } from './did-you-mean.ts'
import type { SourceNode } from './source-node.ts'
import type { PrincipalSet } from './types.ts'
import {
  childPath,
  describeNode,
  type IssueSink,
  readObject,
  readStringList,
  report,
} from './validation-context.ts'

/** The keys a Principal object may hold */
export type PrincipalKey = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'

/** Every Principal key, as AWS spells them */
export const PRINCIPAL_KEYS: readonly PrincipalKey[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']

const ACCOUNT = /^\d{12}$/
const UNIQUE_ID = /^A[A-Z0-9]{15,}$/
const IAM_USER_OR_ROLE = /^(user|role)\/[\w+=,.@/-]*[\w+=,.@-]$/
const ROLE_SESSION = /^assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+$/
const FEDERATED_USER = /^federated-user\/[\w+=,.@-]+$/
const HOST_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i
const IDENTITY_PROVIDER = /^(saml-provider|oidc-provider)\/\S+$/

/** Checks the IAM or STS resource part of a principal ARN */
const checkPrincipalArnResource = (service: string, resource: string, text: string): string | undefined => {
  if (service === 'iam') {
    if (resource === 'root' || IAM_USER_OR_ROLE.test(resource)) return undefined
    if (resource.startsWith('group/')) return `\`${text}\` names a user group, which cannot be a principal`
  } else if (service === 'sts') {
    if (ROLE_SESSION.test(resource) || FEDERATED_USER.test(resource)) return undefined
  }
  return `\`${text}\` is not an account, user, role, role session or federated user ARN`
}

/**
 * Checks one `AWS` principal value: an account id, an account root / user / role ARN, a role session
 * or federated user ARN, or a unique id (`AIDA…`, `AROA…`). Returns a problem message or undefined
 */
export const checkAwsPrincipal = (text: string): string | undefined => {
  if (text === '*' || ACCOUNT.test(text) || UNIQUE_ID.test(text)) return undefined
  if (hasWildcardChar(text))
    return `partial wildcards are not allowed in principals (\`${text}\`); only \`*\` alone`
  const arn = parseArn(text)
  if (arn === undefined) return `\`${text}\` is not an account id, an IAM or STS ARN, or a unique id`
  if (!isKnownPartition(arn.partition)) return `unknown partition \`${arn.partition}\` in \`${text}\``
  if (arn.region !== '') return `principal ARNs have an empty region part: \`${text}\``
  if (!ACCOUNT.test(arn.account)) return `\`${arn.account}\` in \`${text}\` is not a 12-digit account id`
  return checkPrincipalArnResource(arn.service, arn.resource, text)
}

/** Checks one `Service` principal value such as `ecs-tasks.amazonaws.com` */
const checkServicePrincipal = (text: string): string | undefined =>
  HOST_NAME.test(text) ? undefined : `\`${text}\` is not a service principal like \`ec2.amazonaws.com\``

/** Checks one `Federated` value: an identity provider host name or a SAML / OIDC provider ARN */
const checkFederatedPrincipal = (text: string): string | undefined => {
  const arn = parseArn(text)
  if (arn === undefined) {
    return HOST_NAME.test(text) ? undefined : `\`${text}\` is not an identity provider name or ARN`
  }
  const ok = isKnownPartition(arn.partition) && arn.service === 'iam' && ACCOUNT.test(arn.account)
  return ok && IDENTITY_PROVIDER.test(arn.resource)
    ? undefined
    : `\`${text}\` is not a SAML or OIDC provider ARN`
}

/** Checks one `CanonicalUser` value (an S3 canonical user id) */
const checkCanonicalUser = (text: string): string | undefined =>
  text !== '' && !/\s/.test(text) ? undefined : `\`${text}\` is not a canonical user id`

const CHECKS: Readonly<Record<PrincipalKey, (text: string) => string | undefined>> = {
  AWS: checkAwsPrincipal,
  Service: checkServicePrincipal,
  Federated: checkFederatedPrincipal,
  CanonicalUser: checkCanonicalUser,
}

/** Checks one value of a Principal key; wildcards are only allowed as `*` under `AWS` */
const checkPrincipalValue = (key: PrincipalKey, text: string): string | undefined => {
  if (key !== 'AWS' && hasWildcardChar(text)) {
    return text === '*'
      ? `\`${key}\` cannot be \`*\`; use \`"*"\` or \`{"AWS": "*"}\` for everyone`
      : `partial wildcards are not allowed in principals (\`${text}\`)`
  }
  return CHECKS[key](text)
}

const isPrincipalKey = (key: string): key is PrincipalKey =>
  (PRINCIPAL_KEYS as readonly string[]).includes(key)

/** Validates a Principal or NotPrincipal value and builds its PrincipalSet (from the valid values) */
export const validatePrincipal = (
  node: SourceNode,
  path: string,
  sink: IssueSink,
  element: string,
): PrincipalSet => {
  const lists: Record<PrincipalKey, string[]> = { AWS: [], Service: [], Federated: [], CanonicalUser: [] }
  const build = (everyone: boolean): PrincipalSet => ({
    everyone,
    aws: lists.AWS,
    service: lists.Service,
    federated: lists.Federated,
    canonicalUser: lists.CanonicalUser,
    span: node.span,
  })
  if (node.kind === 'string') {
    if (node.value === '*') return build(true)
    const message = `\`${element}\` must be \`"*"\` or an object with AWS, Service, Federated or CanonicalUser, not \`${node.value}\``
    report(sink, 'invalid-principal', message, path, node.span)
    return build(false)
  }
  if (node.kind !== 'object') {
    const message = `\`${element}\` must be \`"*"\` or an object, not ${describeNode(node)}`
    report(sink, 'wrong-type', message, path, node.span)
    return build(false)
  }
  const members = readObject(node, path, sink, `\`${element}\``) ?? new Map()
  if (members.size === 0) {
    report(sink, 'invalid-principal', `\`${element}\` must name at least one principal`, path, node.span)
  }
  for (const [key, entry] of members) {
    const keyPath = childPath(path, key)
    if (!isPrincipalKey(key)) {
      const message = `unknown principal type \`${key}\` (expected AWS, Service, Federated or CanonicalUser)${didYouMean(key, PRINCIPAL_KEYS)}`
      report(sink, 'invalid-principal', message, keyPath, entry.keySpan)
      continue
    }
    for (const item of readStringList(entry.value, keyPath, sink, `\`${element}.${key}\``)) {
      const problem = checkPrincipalValue(key, item.value)
      if (problem === undefined) lists[key].push(item.value)
      else report(sink, 'invalid-principal', problem, item.path, item.span)
    }
  }
  return build(lists.AWS.includes('*'))
}
