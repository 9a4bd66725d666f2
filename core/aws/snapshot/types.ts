/**
 * An IAM account snapshot: the users, groups, roles and managed policies that
 * `aws iam get-account-authorization-details` prints, with every policy document parsed.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @module
 */
import type { PolicyDocument, Result } from '../../policy/index.ts'

/** A policy document read from a snapshot */
export interface SnapshotDocument {
  /** Where the document sits in the file: `RoleDetailList[3].AssumeRolePolicyDocument` */
  readonly path: string
  /**
   * The document as plain JSON: decoded when the file held it as a (possibly URL-encoded) string, or
   * that string itself when it was not JSON
   */
  readonly json: unknown
  /** The validated document, or why it is invalid (issue paths start with `path`) */
  readonly parsed: Result<PolicyDocument>
}

/** An inline policy of a user, group or role */
export interface SnapshotInlinePolicy {
  readonly name: string
  readonly document: SnapshotDocument
}

/** A managed policy attached to a user, group or role */
export interface SnapshotPolicyRef {
  readonly name: string
  readonly arn: string
}

/** What every snapshot entity has */
interface SnapshotEntity {
  readonly name: string
  readonly arn: string
  /** The IAM path, `/` when absent */
  readonly path: string
  readonly id?: string
  /** ISO 8601 (`2019-08-16T17:27:59Z`), whichever format the file used */
  readonly createDate?: string
}

/** An IAM user */
export interface SnapshotUser extends SnapshotEntity {
  /** Group names */
  readonly groups: readonly string[]
  readonly inlinePolicies: readonly SnapshotInlinePolicy[]
  readonly attachedPolicies: readonly SnapshotPolicyRef[]
  readonly permissionsBoundaryArn?: string
  readonly tags: Readonly<Record<string, string>>
}

/** An IAM group */
export interface SnapshotGroup extends SnapshotEntity {
  readonly inlinePolicies: readonly SnapshotInlinePolicy[]
  readonly attachedPolicies: readonly SnapshotPolicyRef[]
}

/** An instance profile a role belongs to */
export interface SnapshotInstanceProfile extends SnapshotEntity {}

/** An IAM role */
export interface SnapshotRole extends SnapshotEntity {
  /** The trust policy (`AssumeRolePolicyDocument`); a failed parse when the file lacked it */
  readonly trustPolicy: SnapshotDocument
  readonly inlinePolicies: readonly SnapshotInlinePolicy[]
  readonly attachedPolicies: readonly SnapshotPolicyRef[]
  readonly permissionsBoundaryArn?: string
  readonly tags: Readonly<Record<string, string>>
  readonly instanceProfiles: readonly SnapshotInstanceProfile[]
}

/** One version of a managed policy */
export interface SnapshotPolicyVersion {
  readonly versionId: string
  readonly isDefault: boolean
  readonly createDate?: string
  readonly document: SnapshotDocument
}

/** A managed policy (customer or AWS managed) */
export interface SnapshotManagedPolicy extends SnapshotEntity {
  readonly defaultVersionId?: string
  readonly updateDate?: string
  readonly attachmentCount?: number
  readonly permissionsBoundaryUsageCount?: number
  readonly isAttachable?: boolean
  readonly description?: string
  readonly versions: readonly SnapshotPolicyVersion[]
}

/** A parsed account snapshot */
export interface AccountSnapshot {
  /** The file it was read from, for issues and policy names */
  readonly file: string
  readonly users: readonly SnapshotUser[]
  readonly groups: readonly SnapshotGroup[]
  readonly roles: readonly SnapshotRole[]
  readonly policies: readonly SnapshotManagedPolicy[]
}
