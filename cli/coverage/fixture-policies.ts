/**
 * Every policy document a suite's fixtures hold, with where its reference sits in the suite
 * (`principals.reader.policies[0]`), its kind and the file its statement positions refer to; and,
 * with an account resolver, the policies the suite leaves to the account. Used by statement
 * coverage, lint and to place deciding statements (`file:line`) in messages.
 * @module
 */
import { formatPlace, type NamedPolicy, type PolicyKind } from '../../core/policy/index.ts'
import {
  type AccountResolver,
  type LoadedPolicyRef,
  type LoadedSuite,
  unresolvedReferences,
} from '../../core/suite/index.ts'

/** A policy of a suite's fixtures */
export interface FixturePolicy {
  readonly suite: string
  /** Where the reference is in the suite (`principals.reader.policies[0]`), or the ARN it came from */
  readonly path: string
  readonly kind: PolicyKind
  readonly policy: NamedPolicy
  /** The file that statement positions refer to; undefined for account policies without one */
  readonly file: string | undefined
  /** True for documents written inside the suite file (their issues nest under `path`) */
  readonly inline: boolean
  /** True for policies resolved from the account rather than written in the suite */
  readonly fromAccount: boolean
}

/** A statement as reports name it: by policy name and index, with its position when known */
export interface StatementRef {
  readonly policy: string
  readonly index: number
  readonly position?: { readonly line: number; readonly column: number }
}

const refList = (refs: readonly (LoadedPolicyRef | undefined)[] | undefined): LoadedPolicyRef[] =>
  (refs ?? []).filter((r): r is LoadedPolicyRef => r !== undefined)

/** The policies written in (or named by files of) a suite, each document once, in suite order */
export const suitePolicies = (suite: LoadedSuite): FixturePolicy[] => {
  const out: FixturePolicy[] = []
  const seen = new Set<NamedPolicy>()
  const add = (ref: LoadedPolicyRef | undefined, path: string, kind: PolicyKind) => {
    if (ref?.kind !== 'document' || seen.has(ref.policy)) return
    seen.add(ref.policy)
    const inline = ref.policy.file === undefined
    out.push({
      suite: suite.id,
      path,
      kind,
      policy: ref.policy,
      file: ref.policy.file ?? suite.file,
      inline,
      fromAccount: false,
    })
  }
  for (const [name, p] of suite.principals) {
    const at = `principals.${name}`
    refList(p.policies).forEach((ref, i) => {
      add(ref, `${at}.policies[${i}]`, 'identity')
    })
    add(p.permissionsBoundary, `${at}.permissionsBoundary`, 'boundary')
    add(p.sessionPolicy, `${at}.sessionPolicy`, 'session')
    add(p.trustPolicy, `${at}.trustPolicy`, 'trust')
  }
  for (const [name, g] of suite.groups) {
    g.policies.forEach((ref, i) => {
      add(ref, `groups.${name}.policies[${i}]`, 'identity')
    })
  }
  for (const r of suite.resources) add(r.policy, `resources.${r.name}.policy`, 'resource')
  suite.organization?.scps.forEach((level, l) => {
    level.policies.forEach((ref, i) => {
      add(ref, `organization.scps[${l}].policies[${i}]`, 'scp')
    })
  })
  suite.organization?.rcps.forEach((level, l) => {
    level.policies.forEach((ref, i) => {
      add(ref, `organization.rcps[${l}].policies[${i}]`, 'rcp')
    })
  })
  return out
}

/** The policies a suite leaves to the account, as the resolver gives them (each once) */
export const accountPolicies = (suite: LoadedSuite, resolver: AccountResolver): FixturePolicy[] => {
  const out: FixturePolicy[] = []
  const seen = new Set<string>()
  const add = (policy: NamedPolicy | undefined, from: string, kind: PolicyKind) => {
    if (!policy) return
    const at = policy.document.span
    const key = policy.arn ?? `${policy.file}\u0000${policy.name}\u0000${at.line}:${at.column}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({
      suite: suite.id,
      path: policy.arn ?? from,
      kind,
      policy,
      file: policy.file,
      inline: false,
      fromAccount: true,
    })
  }
  const wanted = unresolvedReferences(suite)
  for (const arn of wanted.principals) {
    const principal = resolver.getPrincipal(arn)
    for (const policy of principal?.policies ?? []) add(policy, arn, 'identity')
    add(principal?.permissionsBoundary, arn, 'boundary')
    add(principal?.trustPolicy, arn, 'trust')
  }
  for (const arn of wanted.managedPolicies) add(resolver.getManagedPolicy(arn), arn, 'identity')
  return out
}

/** Every fixture policy of a suite: its own, then the account's when a resolver is given */
export const fixturePolicies = (suite: LoadedSuite, resolver?: AccountResolver): FixturePolicy[] => [
  ...suitePolicies(suite),
  ...(resolver ? accountPolicies(suite, resolver) : []),
]

/** Finds the fixture statement a report names: by policy name and index, and by position when several match */
export type StatementFinder = (
  suite: string,
  statement: StatementRef,
) => { readonly fixture: FixturePolicy; readonly index: number } | undefined

/** Builds a finder over the fixtures of several suites */
export const statementFinder = (fixtures: readonly FixturePolicy[]): StatementFinder => {
  const byKey = new Map<string, FixturePolicy[]>()
  for (const f of fixtures) {
    const key = `${f.suite}\u0000${f.policy.name}`
    byKey.set(key, [...(byKey.get(key) ?? []), f])
  }
  return (suite, statement) => {
    const candidates = (byKey.get(`${suite}\u0000${statement.policy}`) ?? []).filter(
      (f) => statement.index < f.policy.document.statements.length,
    )
    const at = statement.position
    const exact = at
      ? candidates.find((f) => {
          const span = f.policy.document.statements[statement.index]!.span
          return span.line === at.line && span.column === at.column
        })
      : undefined
    const fixture = exact ?? candidates[0]
    return fixture ? { fixture, index: statement.index } : undefined
  }
}

/** Places a statement as `file:line:column`, or undefined when its position is unknown */
export type StatementLocator = (suite: string, statement: StatementRef) => string | undefined

/** Builds a locator from a finder */
export const statementLocator =
  (find: StatementFinder): StatementLocator =>
  (suite, statement) => {
    const found = find(suite, statement)
    const span = found?.fixture.policy.document.statements[found.index]?.span
    const file = found?.fixture.file
    if (!file || !span || span.line <= 0) return undefined
    return formatPlace(file, span)
  }
