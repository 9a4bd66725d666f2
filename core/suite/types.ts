/**
 * Suite types: the file's shape (inferred from the zod schema) and the loaded, validated suite with
 * its policy documents parsed and references resolved as far as a pure loader can.
 * @module
 */
import type { z } from 'zod'
import type { ContextValueType } from '../evaluator/types.ts'
import type { Span } from '../policy/source-node.ts'
import type { NamedPolicy } from '../policy/types.ts'
import type { PrincipalArn } from './principal-arn.ts'
import type {
  caseSchema,
  contextValueSchema,
  expectationSchema,
  groupSchema,
  organizationLevelSchema,
  organizationSchema,
  policyReferenceSchema,
  principalSchema,
  resourceSchema,
  suiteSchema,
  typedContextValueSchema,
  viaHopSchema,
} from './schema.ts'

/** A suite file as written (after schema validation) */
export type SuiteFile = z.infer<typeof suiteSchema>
/** A principal entry as written */
export type PrincipalSpec = z.infer<typeof principalSchema>
/** A group entry as written */
export type GroupSpec = z.infer<typeof groupSchema>
/** A resource fixture as written */
export type ResourceSpec = z.infer<typeof resourceSchema>
/** The organization block as written */
export type OrganizationSpec = z.infer<typeof organizationSchema>
/** One SCP or RCP level as written */
export type OrganizationLevelSpec = z.infer<typeof organizationLevelSchema>
/** A policy reference as written */
export type PolicyReferenceSpec = z.infer<typeof policyReferenceSchema>
/** A case as written */
export type CaseSpec = z.infer<typeof caseSchema>
/** A via hop as written */
export type ViaHopSpec = z.infer<typeof viaHopSchema>
/** A context value as written */
export type ContextValueSpec = z.infer<typeof contextValueSchema>
/** A typed context value as written */
export type TypedContextValueSpec = z.infer<typeof typedContextValueSchema>
/** What a case expects */
export type Expectation = z.infer<typeof expectationSchema>

/** A policy loaded from the suite; `source` is its JSON text (what an AWS simulation is given) */
export interface SuitePolicy extends NamedPolicy {
  readonly source: string
}

/** A policy reference after loading: a parsed document, or a managed policy ARN to resolve from the account */
export type LoadedPolicyRef =
  | { readonly kind: 'document'; readonly policy: SuitePolicy }
  | { readonly kind: 'managed'; readonly arn: string; readonly path: string; readonly span: Span }

/** One context key as the author gave it; values are the text IAM sees */
export interface ContextEntrySpec {
  /** The key as written */
  readonly key: string
  readonly values: readonly string[]
  /** True when the author gave a list (or a list type) */
  readonly list: boolean
  /** A type forced with `{ type, value }` */
  readonly forcedType?: ContextValueType
  /** The type inferred from the value as written (number, boolean, string) */
  readonly inferredType: ContextValueType
}

/** A context block by lower-case key; null removes a key set by an outer context */
export type ContextSpec = ReadonlyMap<string, ContextEntrySpec | null>

/** A principal after loading */
export interface LoadedPrincipal {
  readonly name: string
  readonly arn: PrincipalArn
  /** Undefined when the suite gives no `policies`: resolve them from the account */
  readonly policies: readonly LoadedPolicyRef[] | undefined
  readonly permissionsBoundary?: LoadedPolicyRef
  readonly sessionPolicy?: LoadedPolicyRef
  readonly groups: readonly string[]
  /** Undefined when not given (an account-resolved principal then keeps its own tags) */
  readonly tags?: Readonly<Record<string, string>>
  readonly trustPolicy?: LoadedPolicyRef
  readonly sessionName?: string
  readonly sessionTags?: Readonly<Record<string, string>>
  readonly federatedFrom?: string
  readonly span: Span
}

/** A group after loading */
export interface LoadedGroup {
  readonly name: string
  readonly policies: readonly LoadedPolicyRef[]
}

/** A resource fixture after loading */
export interface LoadedResource {
  readonly name: string
  readonly arn: string
  readonly account?: string
  readonly policy?: LoadedPolicyRef
  readonly tags: Readonly<Record<string, string>>
}

/** One SCP or RCP level after loading */
export interface LoadedLevel {
  readonly level: string
  readonly policies: readonly LoadedPolicyRef[]
}

/** The organization block after loading */
export interface LoadedOrganization {
  readonly scps: readonly LoadedLevel[]
  readonly rcps: readonly LoadedLevel[]
  /** Member accounts; undefined = every account named in the suite */
  readonly accounts?: readonly string[]
  readonly managementAccount?: string
}

/** A via hop after loading */
export interface LoadedHop {
  /** The role as written: a principal name or a role ARN */
  readonly role: string
  readonly sessionName?: string
  readonly context: ContextSpec
  readonly sessionTags?: Readonly<Record<string, string>>
  readonly transitiveTagKeys?: readonly string[]
  readonly sourceIdentity?: string
}

/** A case after loading */
export interface LoadedCase {
  readonly name: string
  /** Position in the suite's `cases` list */
  readonly index: number
  /** The principal as written: a name from `principals`, or an ARN */
  readonly principal: string
  readonly actions: readonly string[]
  readonly resources: readonly string[]
  readonly context: ContextSpec
  readonly via: readonly LoadedHop[]
  readonly expect: Expectation
  /** The reason the case is skipped, when it is */
  readonly skip?: string
  readonly only: boolean
  readonly tags: readonly string[]
  readonly span: Span
}

/** A suite that passed validation: ready to expand into checks */
export interface LoadedSuite {
  readonly id: string
  /** Where the `suite:` id is written (absent for suites loaded from a plain value) */
  readonly idSpan?: Span
  readonly description?: string
  readonly tags: readonly string[]
  /** The suite's file name as given to the loader */
  readonly file: string
  readonly context: ContextSpec
  readonly principals: ReadonlyMap<string, LoadedPrincipal>
  readonly groups: ReadonlyMap<string, LoadedGroup>
  readonly resources: readonly LoadedResource[]
  readonly organization?: LoadedOrganization
  readonly cases: readonly LoadedCase[]
  /** The file as written, after schema validation */
  readonly definition: SuiteFile
}
