/**
 * Before a run: everything a suite leaves to the account (principals without `policies`, `{ arn }`
 * policy references, roles named only by ARN) must be found in the account source given (a
 * snapshot). What is missing is an input error naming the ARN and where the suite needs it, rather
 * than a run full of erroring checks.
 * @module
 */
import type { Issue } from '../../core/policy/index.ts'
import type { Span } from '../../core/policy/source-node.ts'
import {
  type AccountResolver,
  type LoadedPolicyRef,
  type LoadedSuite,
  parsePrincipalArn,
  unresolvedReferences,
} from '../../core/suite/index.ts'

/** The user or role ARN a principal text stands for (a role session stands for its role) */
const accountArnOf = (text: string): string | undefined => {
  const arn = parsePrincipalArn(text)
  return arn?.kind === 'assumedRole' ? arn.roleArn : arn?.arn
}

/** Where a principal ARN is needed: its principal entry, else the first case or hop naming it */
const principalPlace = (suite: LoadedSuite, arn: string): { path: string; span?: Span } => {
  for (const [name, p] of suite.principals) {
    const own = p.arn.kind === 'assumedRole' ? p.arn.roleArn : p.arn.arn
    if (own === arn || p.federatedFrom === arn) return { path: `principals.${name}`, span: p.span }
  }
  for (const c of suite.cases) {
    if (accountArnOf(c.principal) === arn) return { path: `cases[${c.index}].principal`, span: c.span }
    const hop = c.via.findIndex((h) => accountArnOf(h.role) === arn)
    if (hop >= 0) return { path: `cases[${c.index}].via[${hop}].role`, span: c.span }
    if (c.resources.includes(arn)) return { path: `cases[${c.index}]`, span: c.span }
  }
  return { path: '' }
}

const managedPlace = (suite: LoadedSuite, arn: string): { path: string; span?: Span } => {
  const refs: (LoadedPolicyRef | undefined)[] = []
  for (const p of suite.principals.values())
    refs.push(...(p.policies ?? []), p.permissionsBoundary, p.sessionPolicy, p.trustPolicy)
  for (const g of suite.groups.values()) refs.push(...g.policies)
  for (const r of suite.resources) refs.push(r.policy)
  for (const level of [...(suite.organization?.scps ?? []), ...(suite.organization?.rcps ?? [])])
    refs.push(...level.policies)
  const ref = refs.find((r) => r?.kind === 'managed' && r.arn === arn)
  return ref?.kind === 'managed' ? { path: ref.path, span: ref.span } : { path: '' }
}

/** The account source a run was given, for messages */
export interface AccountSource {
  readonly resolver: AccountResolver
  /** How to name it: `snapshot \`acme-dev.json\`` */
  readonly label: string
  /** Why a principal does not resolve (a missing managed policy, group, …), when the source can say */
  readonly explainPrincipal?: (arn: string) => string | undefined
  /** Why a managed policy does not resolve, when the source can say */
  readonly explainManagedPolicy?: (arn: string) => string | undefined
}

/** What a suite needs from the account and cannot get, as errors */
export const accountProblems = (suite: LoadedSuite, source: AccountSource | undefined): Issue[] => {
  const wanted = unresolvedReferences(suite)
  const issues: Issue[] = []
  const push = (where: { path: string; span?: Span }, message: string) =>
    issues.push({
      code: 'missing-reference',
      message,
      path: where.path,
      ...(where.span && where.span.line > 0 ? { span: where.span } : {}),
      file: suite.file,
      severity: 'error',
    })
  for (const arn of wanted.principals) {
    if (source?.resolver.getPrincipal(arn)) continue
    push(
      principalPlace(suite, arn),
      source
        ? (source.explainPrincipal?.(arn) ?? `principal \`${arn}\` not found in ${source.label}`)
        : `principal \`${arn}\` is left to the account (no \`policies\` in the suite): give an account snapshot with \`--snapshot FILE\``,
    )
  }
  for (const arn of wanted.managedPolicies) {
    if (source?.resolver.getManagedPolicy(arn)) continue
    push(
      managedPlace(suite, arn),
      source
        ? (source.explainManagedPolicy?.(arn) ?? `managed policy \`${arn}\` not found in ${source.label}`)
        : `managed policy \`${arn}\` is resolved from the account: give an account snapshot with \`--snapshot FILE\``,
    )
  }
  return issues.sort(
    (a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0),
  )
}
