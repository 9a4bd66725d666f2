/**
 * The public API of core/aws/snapshot: account snapshots (`aws iam get-account-authorization-details`
 * output) parsed, resolved as an AccountResolver, and written back. Pure: callers read the file.
 * @module
 */
export { parseAccountSnapshot, SNAPSHOT_LISTS } from './parse-snapshot.ts'
export { type PolicyJson, policyDocumentToJson } from './policy-json.ts'
export { formatSnapshotDate, normaliseSnapshotDate } from './snapshot-dates.ts'
export { documentOf, readSnapshotDocument, snapshotDocument } from './snapshot-document.ts'
export {
  defaultVersion,
  type MissingReferences,
  type SnapshotResolver,
  snapshotResolver,
} from './snapshot-resolver.ts'
export {
  type AuthorizationDetails,
  type DetailJson,
  toAuthorizationDetails,
} from './to-authorization-details.ts'
export type {
  AccountSnapshot,
  SnapshotDocument,
  SnapshotGroup,
  SnapshotInlinePolicy,
  SnapshotInstanceProfile,
  SnapshotManagedPolicy,
  SnapshotPolicyRef,
  SnapshotPolicyVersion,
  SnapshotRole,
  SnapshotUser,
} from './types.ts'
