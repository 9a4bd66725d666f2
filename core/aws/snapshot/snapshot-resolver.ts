/**
 * An AccountResolver over a parsed snapshot. Design: a principal resolves only when every policy it
 * depends on is in the snapshot and valid. Otherwise `getPrincipal` returns undefined, so a run never
 * evaluates a principal with policies silently missing, and `explainPrincipal` says why, naming the
 * missing managed policy ARNs (AWS managed policies are often absent from snapshots), the missing
 * groups, or the invalid document with its path. `missingReferences` lists the same ARNs and groups
 * for a caller that wants to fetch them.
 * @module
 */
import { formatIssue, type NamedPolicy } from '../../policy/index.ts'
import type { AccountResolver, Resolved, ResolvedPrincipal } from '../../suite/index.ts'
import type {
  AccountSnapshot,
  SnapshotDocument,
  SnapshotGroup,
  SnapshotInlinePolicy,
  SnapshotManagedPolicy,
  SnapshotPolicyRef,
  SnapshotRole,
  SnapshotUser,
} from './types.ts'

/** What a principal refers to that the snapshot does not hold */
export interface MissingReferences {
  /** Managed policy ARNs (attached directly, through a group, or as the permissions boundary) */
  readonly managedPolicies: readonly string[]
  /** Group names from the user's `GroupList` */
  readonly groups: readonly string[]
}

/** An AccountResolver over a snapshot, with explanations for what does not resolve */
export interface SnapshotResolver extends AccountResolver {
  /** Every user and role ARN in the snapshot */
  principals(): string[]
  /** The principal with all its policies, or a one-line reason naming what is missing or invalid */
  explainPrincipal(arn: string): Resolved<ResolvedPrincipal>
  /** The default version of a managed policy, or why it cannot be had */
  explainManagedPolicy(arn: string): Resolved<NamedPolicy>
  /** What a principal refers to that the snapshot lacks; empty lists for an unknown principal */
  missingReferences(arn: string): MissingReferences
}

/** The default version of a managed policy: the one flagged default, else the one `DefaultVersionId` names */
export const defaultVersion = (policy: SnapshotManagedPolicy) =>
  policy.versions.find((v) => v.isDefault) ??
  policy.versions.find((v) => v.versionId === policy.defaultVersionId)

/** `user/path/name` → `name`: the last segment of an IAM ARN's resource */
const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)

/** `arn:aws:iam::123:role/p/R` → `role 123 R`; role session ARNs map to their role. Undefined for other ARNs */
const principalKey = (arn: string): string | undefined => {
  const m = /^arn:[^:]+:(iam|sts)::(\d{12}):(user|role|assumed-role)\/(.+)$/.exec(arn)
  if (m === null) return undefined
  const [, service, account, type, rest = ''] = m
  if (type === 'assumed-role') {
    if (service !== 'sts') return undefined
    const role = rest.slice(0, rest.indexOf('/') >= 0 ? rest.indexOf('/') : undefined)
    return `role ${account} ${role}`
  }
  return service === 'iam' ? `${type} ${account} ${nameOf(rest)}` : undefined
}

type Principal = { kind: 'user'; user: SnapshotUser } | { kind: 'role'; role: SnapshotRole }

const firstError = (doc: SnapshotDocument): string => {
  if (doc.parsed.ok) return ''
  const issue = doc.parsed.issues.find((i) => i.severity === 'error') ?? doc.parsed.issues[0]
  return issue === undefined ? 'invalid' : formatIssue(issue)
}

/** Builds the resolver; indexes are built once, principals are resolved once per ARN */
export const snapshotResolver = (snapshot: AccountSnapshot): SnapshotResolver => {
  const policies = new Map(snapshot.policies.map((p) => [p.arn, p]))
  const groups = new Map(snapshot.groups.map((g) => [g.name, g]))
  const byArn = new Map<string, Principal>()
  const byKey = new Map<string, Principal>()
  const add = (arn: string, p: Principal) => {
    byArn.set(arn, p)
    const key = principalKey(arn)
    if (key !== undefined && !byKey.has(key)) byKey.set(key, p)
  }
  for (const user of snapshot.users) add(user.arn, { kind: 'user', user })
  for (const role of snapshot.roles) add(role.arn, { kind: 'role', role })
  const find = (arn: string): Principal | undefined => {
    const exact = byArn.get(arn)
    if (exact !== undefined) return exact
    const key = principalKey(arn)
    return key === undefined ? undefined : byKey.get(key)
  }

  const explainManagedPolicy = (arn: string): Resolved<NamedPolicy> => {
    const policy = policies.get(arn)
    if (policy === undefined)
      return { ok: false, message: `managed policy \`${arn}\` is not in snapshot \`${snapshot.file}\`` }
    const version = defaultVersion(policy)
    if (version === undefined) {
      return {
        ok: false,
        message: `managed policy \`${arn}\` has no default version in snapshot \`${snapshot.file}\``,
      }
    }
    if (!version.document.parsed.ok) {
      return { ok: false, message: `managed policy \`${arn}\` is invalid: ${firstError(version.document)}` }
    }
    return {
      ok: true,
      value: { name: policy.name, document: version.document.parsed.value, file: snapshot.file, arn },
    }
  }

  const inline = (policy: SnapshotInlinePolicy, name: string): Resolved<NamedPolicy> =>
    policy.document.parsed.ok
      ? { ok: true, value: { name, document: policy.document.parsed.value, file: snapshot.file } }
      : { ok: false, message: `its policy \`${name}\` is invalid: ${firstError(policy.document)}` }

  /** The user's groups, and the names the snapshot lacks */
  const groupsOf = (user: SnapshotUser): { found: SnapshotGroup[]; missing: string[] } => {
    const found: SnapshotGroup[] = []
    const missing: string[] = []
    for (const name of user.groups) {
      const group = groups.get(name)
      if (group === undefined) missing.push(name)
      else found.push(group)
    }
    return { found, missing }
  }

  const managedRefs = (p: Principal): SnapshotPolicyRef[] => {
    if (p.kind === 'role') return [...p.role.attachedPolicies]
    return [...p.user.attachedPolicies, ...groupsOf(p.user).found.flatMap((g) => g.attachedPolicies)]
  }

  const boundaryArn = (p: Principal): string | undefined =>
    p.kind === 'role' ? p.role.permissionsBoundaryArn : p.user.permissionsBoundaryArn

  const missingOf = (p: Principal): MissingReferences => {
    const arns = [...managedRefs(p).map((r) => r.arn), boundaryArn(p)].filter(
      (arn): arn is string => arn !== undefined && !policies.has(arn),
    )
    return { managedPolicies: [...new Set(arns)], groups: p.kind === 'user' ? groupsOf(p.user).missing : [] }
  }

  /** Why a principal's references are not all in the snapshot, or undefined when they are */
  const missingMessage = (p: Principal, what: string): string | undefined => {
    const missing = missingOf(p)
    if (missing.managedPolicies.length > 0) {
      const list = missing.managedPolicies.map((a) => `\`${a}\``).join(', ')
      const noun = missing.managedPolicies.length === 1 ? 'managed policy' : 'managed policies'
      return `${what} needs ${noun} ${list}, not in snapshot \`${snapshot.file}\` (AWS managed policies are missing when the snapshot was taken with \`--filter\`)`
    }
    if (missing.groups.length === 0) return undefined
    const list = missing.groups.map((g) => `\`${g}\``).join(', ')
    return `${what} is in group ${list}, not in snapshot \`${snapshot.file}\``
  }

  /** Inline policies (own, then the groups'), then managed ones, each managed policy once */
  const identityPolicies = (p: Principal): Resolved<NamedPolicy>[] => {
    const out: Resolved<NamedPolicy>[] = []
    const own = p.kind === 'role' ? p.role.inlinePolicies : p.user.inlinePolicies
    for (const policy of own) out.push(inline(policy, `inline:${policy.name}`))
    if (p.kind === 'user') {
      for (const group of groupsOf(p.user).found) {
        for (const policy of group.inlinePolicies)
          out.push(inline(policy, `group:${group.name}/${policy.name}`))
      }
    }
    const arns = new Set(managedRefs(p).map((ref) => ref.arn))
    for (const arn of arns) out.push(explainManagedPolicy(arn))
    return out
  }

  const trustOf = (role: SnapshotRole): Resolved<NamedPolicy> =>
    role.trustPolicy.parsed.ok
      ? {
          ok: true,
          value: { name: `trust:${role.name}`, document: role.trustPolicy.parsed.value, file: snapshot.file },
        }
      : { ok: false, message: `its trust policy is invalid: ${firstError(role.trustPolicy)}` }

  const resolve = (p: Principal): Resolved<ResolvedPrincipal> => {
    const entity = p.kind === 'role' ? p.role : p.user
    const what = `${p.kind} \`${entity.arn}\``
    const missing = missingMessage(p, what)
    if (missing !== undefined) return { ok: false, message: missing }
    const policies: NamedPolicy[] = []
    for (const c of identityPolicies(p)) {
      if (!c.ok) return { ok: false, message: `${what}: ${c.message}` }
      policies.push(c.value)
    }
    const boundaryRef = boundaryArn(p)
    const boundary = boundaryRef === undefined ? undefined : explainManagedPolicy(boundaryRef)
    if (boundary?.ok === false)
      return { ok: false, message: `${what}: permissions boundary ${boundary.message}` }
    const base: ResolvedPrincipal = {
      policies,
      tags: entity.tags,
      path: entity.path,
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary.value }),
    }
    if (p.kind === 'user') return { ok: true, value: base }
    const trust = trustOf(p.role)
    if (!trust.ok) return { ok: false, message: `${what}: ${trust.message}` }
    return { ok: true, value: { ...base, trustPolicy: trust.value } }
  }

  const cache = new Map<Principal, Resolved<ResolvedPrincipal>>()
  const explainPrincipal = (arn: string): Resolved<ResolvedPrincipal> => {
    const p = find(arn)
    if (p === undefined)
      return { ok: false, message: `no user or role \`${arn}\` in snapshot \`${snapshot.file}\`` }
    let result = cache.get(p)
    if (result === undefined) {
      result = resolve(p)
      cache.set(p, result)
    }
    return result
  }

  return {
    principals: () => [...snapshot.users.map((u) => u.arn), ...snapshot.roles.map((r) => r.arn)],
    getPrincipal: (arn) => {
      const r = explainPrincipal(arn)
      return r.ok ? r.value : undefined
    },
    getManagedPolicy: (arn) => {
      const r = explainManagedPolicy(arn)
      return r.ok ? r.value : undefined
    },
    explainPrincipal,
    explainManagedPolicy,
    missingReferences: (arn) => {
      const p = find(arn)
      return p === undefined ? { managedPolicies: [], groups: [] } : missingOf(p)
    },
  }
}
