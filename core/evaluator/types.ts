/**
 * The evaluator's inputs and outputs: requests, context, policy sets, decisions and traces.
 * @module
 */

import type { Span } from '../policy/source-node.ts'
import type { NamedPolicy, PolicyKind } from '../policy/types.ts'

/** The three outcomes of an authorization decision, spelt as the simulator spells them */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

/** The policy types that take part in a decision */
export type PolicyType = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp' | 'endpoint'

/** Value types of condition keys (as in ContextKeyType, without the List forms) */
export type ContextValueType = 'string' | 'numeric' | 'date' | 'boolean' | 'ip' | 'binary' | 'arn'

/** One key in the request context. `values` empty with `multi` true is a present key with no values */
export interface ContextValue {
  readonly values: readonly string[]
  /** True for multivalued keys (the catalog's ArrayOf… types, or a list given by the author) */
  readonly multi: boolean
  /** The key's type when known (from the catalog or forced by the author) */
  readonly type?: ContextValueType
}

/** The request context keyed by condition key in lower case (tag-key parts included) */
export type RequestContext = ReadonlyMap<string, ContextValue>

/** What kind of identity makes the request */
export type CallerType = 'user' | 'assumedRole' | 'federatedUser' | 'root' | 'anonymous' | 'service'

/** The identity that makes a request */
export interface Caller {
  readonly type: CallerType
  /**
   * The ARN that identifies the caller: a user ARN, a role session ARN
   * (`arn:aws:sts::A:assumed-role/R/S`), a federated user ARN, the account root ARN, a service principal
   * name (`ecs.amazonaws.com`), or `anonymous`
   */
  readonly arn: string
  /** The caller's account, undefined for anonymous callers and services */
  readonly account: string | undefined
  /** For role sessions: the role's ARN (what aws:PrincipalArn holds) */
  readonly roleArn?: string
  /** For federated user sessions: the IAM user who called GetFederationToken */
  readonly federatingUserArn?: string
  /** Service-linked roles are never limited by SCPs */
  readonly serviceLinkedRole?: boolean
  /** Identity-provider principals for AssumeRoleWithSAML / WebIdentity (`Federated` in trust policies) */
  readonly federatedProvider?: string
  /** S3 canonical user id, when known */
  readonly canonicalUser?: string
}

/** How the resource's policy behaves in the decision */
export type ResourcePolicyKind = 'standard' | 'trust' | 'kms'

/** Every policy that applies to one request, by type */
export interface PolicySet {
  /** Identity-based policies: the principal's own, plus its groups' for a user */
  readonly identity: readonly NamedPolicy[]
  readonly boundary?: NamedPolicy
  /**
   * Session policies for session principals. Undefined means no session policy was passed; for a
   * federated user session that means no permissions (see A.2 step 7)
   */
  readonly session?: readonly NamedPolicy[]
  /** SCP levels, root first and the account's own level last; undefined = SCPs do not apply */
  readonly scpLevels?: readonly (readonly NamedPolicy[])[]
  /** RCP levels (customer RCPs only: RCPFullAWSAccess is implied at every level); undefined = RCPs do not apply */
  readonly rcpLevels?: readonly (readonly NamedPolicy[])[]
  /** The resource-based policy of the resource (a bucket policy, a role trust policy, a key policy) */
  readonly resource?: NamedPolicy
  readonly resourcePolicyKind?: ResourcePolicyKind
  /** A VPC endpoint policy the request passes through */
  readonly endpoint?: NamedPolicy
}

/** One authorization request */
export interface AuthorizationRequest {
  readonly caller: Caller
  /** `service:Action` as the request names it */
  readonly action: string
  /** The resource ARN, or `*` */
  readonly resource: string
  /** The account that owns the resource; undefined when unknown (treated as the caller's) */
  readonly resourceAccount: string | undefined
  /** The full request context (derived keys included: see deriveContext) */
  readonly context: RequestContext
}

/** How much explanation to build */
export type ExplainLevel = 'none' | 'reasons' | 'full'

/** Options for one evaluation */
export interface EvaluateOptions {
  readonly explain?: ExplainLevel
}

/** A statement that took part in a decision (the report's matchedStatements entry) */
export interface MatchedStatement {
  readonly policyType: PolicyType
  readonly policy: string
  readonly sid: string | null
  readonly index: number
  readonly effect: 'Allow' | 'Deny'
  readonly span?: Span
  /** For SCP and RCP statements: the level (0 = root) */
  readonly level?: number
}

/** An error met while evaluating (never thrown): a bad value, an unusable variable */
export interface EvaluationError {
  readonly code: string
  readonly message: string
  readonly policyType?: PolicyType
  readonly policy?: string
  readonly statementIndex?: number
}

/** The outcome of a trace node */
export type TraceOutcome = 'match' | 'noMatch' | 'notApplicable' | 'error'

/** The kinds of node in an evaluation trace, from the request down to a condition value */
export type TraceNodeKind =
  | 'request'
  | 'policyType'
  | 'policy'
  | 'statement'
  | 'action'
  | 'resource'
  | 'principal'
  | 'condition'
  | 'decision'

/** A node of the evaluation trace */
export interface TraceNode {
  readonly kind: TraceNodeKind
  readonly label: string
  readonly outcome: TraceOutcome
  /** A reason code from the REASONS table */
  readonly reason: string
  /** Values after substitution: what was compared with what */
  readonly detail?: Readonly<Record<string, unknown>>
  readonly span?: Span
  readonly children: readonly TraceNode[]
}

/** The outcome of one evaluation */
export interface EvaluationResult {
  readonly decision: Decision
  /** The reason code (trace/reasons.ts) of the rule that settled the decision */
  readonly decisionReason?: string
  /** The statements that decided: every matching explicit deny, or the allows each required policy type used */
  readonly reasons: readonly MatchedStatement[]
  /** Condition keys that conditions needed but the request context lacked (lower case as written in the policy) */
  readonly missingContextKeys: readonly string[]
  readonly errors: readonly EvaluationError[]
  readonly trace?: TraceNode
}

export type { PolicyKind }
