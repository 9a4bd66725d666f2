/**
 * Writes an AccountSnapshot in the format `aws iam get-account-authorization-details` prints, with
 * policy documents as decoded JSON objects and dates as the AWS CLI v2 prints them, so a file written
 * by `iamspec snapshot --out` reads like one the AWS CLI wrote.
 * @module
 */
import { formatSnapshotDate } from './snapshot-dates.ts'
import type {
  AccountSnapshot,
  SnapshotGroup,
  SnapshotInlinePolicy,
  SnapshotManagedPolicy,
  SnapshotPolicyRef,
  SnapshotRole,
  SnapshotUser,
} from './types.ts'

/** A JSON object in the CLI's format */
export type DetailJson = Record<string, unknown>

/** The whole file, as the AWS CLI prints it */
export interface AuthorizationDetails {
  readonly UserDetailList: DetailJson[]
  readonly GroupDetailList: DetailJson[]
  readonly RoleDetailList: DetailJson[]
  readonly Policies: DetailJson[]
}

const date = (key: string, iso: string | undefined): DetailJson =>
  iso === undefined ? {} : { [key]: formatSnapshotDate(iso) }

const maybe = (key: string, value: unknown): DetailJson => (value === undefined ? {} : { [key]: value })

const inline = (policies: readonly SnapshotInlinePolicy[]): DetailJson[] =>
  policies.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document.json }))

const attached = (refs: readonly SnapshotPolicyRef[]): DetailJson[] =>
  refs.map((r) => ({ PolicyName: r.name, PolicyArn: r.arn }))

const boundary = (arn: string | undefined): DetailJson =>
  arn === undefined
    ? {}
    : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } }

const tags = (t: Readonly<Record<string, string>>): DetailJson[] =>
  Object.entries(t).map(([Key, Value]) => ({ Key, Value }))

const userJson = (u: SnapshotUser): DetailJson => ({
  Path: u.path,
  UserName: u.name,
  ...maybe('UserId', u.id),
  Arn: u.arn,
  ...date('CreateDate', u.createDate),
  UserPolicyList: inline(u.inlinePolicies),
  GroupList: [...u.groups],
  AttachedManagedPolicies: attached(u.attachedPolicies),
  ...boundary(u.permissionsBoundaryArn),
  Tags: tags(u.tags),
})

const groupJson = (g: SnapshotGroup): DetailJson => ({
  Path: g.path,
  GroupName: g.name,
  ...maybe('GroupId', g.id),
  Arn: g.arn,
  ...date('CreateDate', g.createDate),
  GroupPolicyList: inline(g.inlinePolicies),
  AttachedManagedPolicies: attached(g.attachedPolicies),
})

const roleSummary = (r: SnapshotRole): DetailJson => ({
  Path: r.path,
  RoleName: r.name,
  ...maybe('RoleId', r.id),
  Arn: r.arn,
  ...date('CreateDate', r.createDate),
  AssumeRolePolicyDocument: r.trustPolicy.json,
})

const roleJson = (r: SnapshotRole): DetailJson => ({
  ...roleSummary(r),
  InstanceProfileList: r.instanceProfiles.map((p) => ({
    Path: p.path,
    InstanceProfileName: p.name,
    ...maybe('InstanceProfileId', p.id),
    Arn: p.arn,
    ...date('CreateDate', p.createDate),
    Roles: [roleSummary(r)],
  })),
  RolePolicyList: inline(r.inlinePolicies),
  AttachedManagedPolicies: attached(r.attachedPolicies),
  ...boundary(r.permissionsBoundaryArn),
  Tags: tags(r.tags),
})

const policyJson = (p: SnapshotManagedPolicy): DetailJson => ({
  PolicyName: p.name,
  ...maybe('PolicyId', p.id),
  Arn: p.arn,
  Path: p.path,
  ...maybe('DefaultVersionId', p.defaultVersionId),
  ...maybe('AttachmentCount', p.attachmentCount),
  ...maybe('PermissionsBoundaryUsageCount', p.permissionsBoundaryUsageCount),
  ...maybe('IsAttachable', p.isAttachable),
  ...maybe('Description', p.description),
  ...date('CreateDate', p.createDate),
  ...date('UpdateDate', p.updateDate),
  PolicyVersionList: p.versions.map((v) => ({
    Document: v.document.json,
    VersionId: v.versionId,
    IsDefaultVersion: v.isDefault,
    ...date('CreateDate', v.createDate),
  })),
})

/** The snapshot in the AWS CLI's JSON format (serialise with `JSON.stringify(details, null, 4)`) */
export const toAuthorizationDetails = (snapshot: AccountSnapshot): AuthorizationDetails => ({
  UserDetailList: snapshot.users.map(userJson),
  GroupDetailList: snapshot.groups.map(groupJson),
  RoleDetailList: snapshot.roles.map(roleJson),
  Policies: snapshot.policies.map(policyJson),
})
