/**
 * The evaluator's view of who asks and what is asked about: identities, resources and checks.
 * The suite layer builds these from fixtures; the evaluator derives the request context from them.
 * @module
 */
import type { NamedPolicy } from '../policy/types.ts'
import type { Caller, RequestContext, ResourcePolicyKind } from './types.ts'

/** An identity able to make requests, with every policy that limits it */
export interface Identity {
  readonly caller: Caller
  /** Identity-based policies: its own plus its groups' */
  readonly identityPolicies: readonly NamedPolicy[]
  readonly boundary?: NamedPolicy
  /** Session policies (session principals only); see PolicySet.session */
  readonly sessionPolicies?: readonly NamedPolicy[]
  /** SCP levels that apply to this identity; undefined = none apply (no organization, management account, SLR) */
  readonly scpLevels?: readonly (readonly NamedPolicy[])[]
  /** Principal tags (role or user tags, overridden by session tags), original key case */
  readonly tags: Readonly<Record<string, string>>
  /** aws:username, for IAM users */
  readonly userName?: string
  /** aws:userid when known (AIDA…, AROA…:session) */
  readonly userId?: string
  /** Session tags that pass down a role chain */
  readonly transitiveTagKeys?: readonly string[]
  /** aws:SourceIdentity once set on a session */
  readonly sourceIdentity?: string
  /** True when this session was made by a role chain (capped at one hour) */
  readonly chained?: boolean
}

/** A resource as far as authorization cares */
export interface ResourceModel {
  /** The resource ARN, or `*` */
  readonly arn: string
  /** The owning account; undefined = the caller's account */
  readonly account: string | undefined
  readonly tags: Readonly<Record<string, string>>
  readonly policy?: NamedPolicy
  readonly policyKind?: ResourcePolicyKind
  /** RCP levels that apply to the resource's account; undefined = none apply */
  readonly rcpLevels?: readonly (readonly NamedPolicy[])[]
}

/** One request to decide: an identity does an action on a resource with some context */
export interface CheckInput {
  readonly identity: Identity
  readonly action: string
  readonly resource: ResourceModel
  /** The author's context: it overrides any derived key; a key mapped to undefined is removed */
  readonly context: RequestContext
  /** A VPC endpoint policy the request passes through */
  readonly endpointPolicy?: NamedPolicy
}

/** One sts:AssumeRole hop of a role chain */
export interface AssumeRoleHop {
  /** The role being assumed, as an identity of the role itself (its policies, boundary, SCPs, tags) */
  readonly role: Identity
  readonly roleArn: string
  /** The role's trust policy; without one nobody can assume it */
  readonly trustPolicy: NamedPolicy | undefined
  readonly sessionName: string
  /** Context of the AssumeRole request only */
  readonly context: RequestContext
  readonly sessionTags?: Readonly<Record<string, string>>
  readonly transitiveTagKeys?: readonly string[]
  readonly sourceIdentity?: string
  /** Session policies passed on AssumeRole */
  readonly sessionPolicies?: readonly NamedPolicy[]
}
