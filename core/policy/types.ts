/**
 * Parsed, validated IAM policy documents.
 * @module
 */
import type { Span } from './source-node.ts'

/** Where a policy is attached; decides which elements it may hold */
export type PolicyKind =
  | 'identity'
  | 'resource'
  | 'trust'
  | 'boundary'
  | 'session'
  | 'scp'
  | 'rcp'
  | 'endpoint'

/** The Version element; undefined when absent (policy variables are then literal text) */
export type PolicyVersion = '2012-10-17' | '2008-10-17' | undefined

/** The principals named by Principal or NotPrincipal */
export interface PrincipalSet {
  /** `"Principal": "*"` or `{"AWS": "*"}` */
  readonly everyone: boolean
  /** AWS key values as written: account ids, ARNs, or `*` */
  readonly aws: readonly string[]
  readonly service: readonly string[]
  readonly federated: readonly string[]
  readonly canonicalUser: readonly string[]
  readonly span: Span
}

/** A single key/operator test inside a Condition block */
export interface ConditionTest {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists` */
  readonly operator: string
  /** The operator without modifiers, e.g. `StringLike` */
  readonly baseOperator: string
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | undefined
  readonly ifExists: boolean
  /** The condition key as written (compare case-insensitively) */
  readonly key: string
  /** The policy values as the text IAM sees (numbers and booleans as written) */
  readonly values: readonly string[]
  readonly span: Span
}

/** One statement after validation */
export interface Statement {
  readonly index: number
  readonly sid: string | undefined
  readonly effect: 'Allow' | 'Deny'
  /** Exactly one of action / notAction is set */
  readonly action: readonly string[] | undefined
  readonly notAction: readonly string[] | undefined
  /** Exactly one of resource / notResource is set, except in trust policies where both may be absent */
  readonly resource: readonly string[] | undefined
  readonly notResource: readonly string[] | undefined
  readonly principal: PrincipalSet | undefined
  readonly notPrincipal: PrincipalSet | undefined
  readonly conditions: readonly ConditionTest[]
  readonly span: Span
}

/** A validated policy document */
export interface PolicyDocument {
  readonly version: PolicyVersion
  readonly id: string | undefined
  readonly statements: readonly Statement[]
  readonly span: Span
}

/** A policy document with the name it is reported under */
export interface NamedPolicy {
  readonly name: string
  readonly document: PolicyDocument
  /** The file the document came from, when known */
  readonly file?: string
  /** An ARN when the policy is a managed policy */
  readonly arn?: string
}
