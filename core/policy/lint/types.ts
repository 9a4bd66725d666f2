/**
 * The inputs of the policy linter: where a policy is attached decides which size quota applies.
 * @module
 */
import type { PolicyKind } from '../types.ts'

/**
 * How a policy is stored in AWS, which decides its size quota. `managed` means a customer managed
 * policy: AWS managed policies are not bound by the 6,144-character quota (ReadOnlyAccess is far larger)
 */
export type PolicyAttachment = 'managed' | 'inline-user' | 'inline-group' | 'inline-role' | 'trust' | 'scp'

/** What the linter knows about a document besides its parsed form */
export interface LintSource {
  readonly kind: PolicyKind
  /**
   * The JSON text the document was parsed from (URL-encoded text is decoded). Needed for size quotas;
   * when the document's spans point into this text, issues point at the exact array entry
   */
  readonly text?: string
  readonly attachment?: PolicyAttachment
}

/** The kinds of IAM entity whose inline policies share one size quota */
export type InlineEntityKind = 'user' | 'group' | 'role'
