/**
 * Builds a LoadedSuite from a suite's source tree: parses every policy document with the policy kind
 * its place gives it, reads each principal's ARN, and checks the cross references (principals,
 * groups, via roles, unique case names). Works element by element, so one bad principal does not
 * hide the problems of the others: every issue is reported at once.
 * @module
 */
import { type SourceNode, toPlainValue } from '../policy/source-node.ts'
import type { PolicyKind } from '../policy/types.ts'
import { readContext } from './context.ts'
import { loadPolicyRef, type RefContext } from './policy-refs.ts'
import { parsePrincipalArn } from './principal-arn.ts'
import {
  caseSchema,
  groupSchema,
  organizationLevelSchema,
  organizationSchema,
  policyReferenceSchema,
  principalSchema,
  resourceSchema,
  viaHopSchema,
} from './schema.ts'
import { formatPath, member, type SourcePath } from './source-path.ts'
import {
  checkGroupRefs,
  checkPrincipalEntry,
  checkRefNode,
  checkUniqueNames,
  itemsOf,
  type Referable,
} from './suite-checks.ts'
import type {
  LoadedCase,
  LoadedGroup,
  LoadedHop,
  LoadedLevel,
  LoadedOrganization,
  LoadedPolicyRef,
  LoadedPrincipal,
  LoadedResource,
  LoadedSuite,
} from './types.ts'

/** The parts of a LoadedSuite that come from the tree (the caller adds the validated definition) */
export type SuiteParts = Omit<LoadedSuite, 'definition' | 'id' | 'description' | 'tags'>

const entriesOf = (node: SourceNode | undefined) => (node?.kind === 'object' ? node.entries : [])

/** Loads one reference when it is schema-valid on its own (the schema issues say what is wrong otherwise) */
const loadValidRef = (ctx: RefContext, node: SourceNode, path: SourcePath, kind: PolicyKind) =>
  policyReferenceSchema.safeParse(toPlainValue(node)).success
    ? loadPolicyRef(ctx, node, path, kind, formatPath(path))
    : undefined

const loadRefList = (ctx: RefContext, node: SourceNode | undefined, path: SourcePath, kind: PolicyKind) =>
  itemsOf(node)
    .map((item, i) => loadValidRef(ctx, item, [...path, i], kind))
    .filter((r): r is LoadedPolicyRef => r !== undefined)

const loadRef = (ctx: RefContext, parent: SourceNode, key: string, path: SourcePath, kind: PolicyKind) => {
  const node = member(parent, key)
  return node ? loadValidRef(ctx, node, [...path, key], kind) : undefined
}

const loadPrincipal = (
  ctx: RefContext,
  name: string,
  node: SourceNode,
  groupNames: readonly string[],
): LoadedPrincipal | undefined => {
  const path = ['principals', name]
  const arnNode = member(node, 'arn')
  const arn = arnNode?.kind === 'string' ? parsePrincipalArn(arnNode.value) : undefined
  checkPrincipalEntry(ctx, node, path, arn)
  checkGroupRefs(ctx, node, path, groupNames)
  const policiesNode = member(node, 'policies')
  const policies = policiesNode
    ? loadRefList(ctx, policiesNode, [...path, 'policies'], 'identity')
    : undefined
  const permissionsBoundary = loadRef(ctx, node, 'permissionsBoundary', path, 'boundary')
  const sessionPolicy = loadRef(ctx, node, 'sessionPolicy', path, 'session')
  const trustPolicy = loadRef(ctx, node, 'trustPolicy', path, 'trust')
  const parsed = principalSchema.safeParse(toPlainValue(node))
  if (!parsed.success || !arn) return undefined
  const spec = parsed.data
  return {
    name,
    arn,
    policies,
    permissionsBoundary,
    sessionPolicy,
    groups: spec.groups ?? [],
    tags: spec.tags,
    trustPolicy,
    sessionName: spec.sessionName,
    sessionTags: spec.sessionTags,
    federatedFrom: spec.federatedFrom,
    span: node.span,
  }
}

const loadGroup = (ctx: RefContext, name: string, node: SourceNode): LoadedGroup | undefined => {
  const policies = loadRefList(ctx, member(node, 'policies'), ['groups', name, 'policies'], 'identity')
  return groupSchema.safeParse(toPlainValue(node)).success ? { name, policies } : undefined
}

const loadResource = (ctx: RefContext, name: string, node: SourceNode): LoadedResource | undefined => {
  const policy = loadRef(ctx, node, 'policy', ['resources', name], 'resource')
  const parsed = resourceSchema.safeParse(toPlainValue(node))
  if (!parsed.success) return undefined
  const { arn, account, tags } = parsed.data
  return { name, arn, account, policy, tags: tags ?? {} }
}

const loadLevels = (ctx: RefContext, node: SourceNode | undefined, key: 'scps' | 'rcps'): LoadedLevel[] =>
  itemsOf(node).flatMap((levelNode, i) => {
    const path = ['organization', key, i, 'policies']
    const policies = loadRefList(ctx, member(levelNode, 'policies'), path, key === 'scps' ? 'scp' : 'rcp')
    const parsed = organizationLevelSchema.safeParse(toPlainValue(levelNode))
    return parsed.success ? [{ level: parsed.data.level, policies }] : []
  })

const loadOrganization = (ctx: RefContext, node: SourceNode | undefined): LoadedOrganization | undefined => {
  if (!node) return undefined
  const scps = loadLevels(ctx, member(node, 'scps'), 'scps')
  const rcps = loadLevels(ctx, member(node, 'rcps'), 'rcps')
  const parsed = organizationSchema.safeParse(toPlainValue(node))
  if (!parsed.success) return undefined
  const { accounts, managementAccount } = parsed.data
  return { scps, rcps, accounts, managementAccount }
}

const loadHop = (node: SourceNode): LoadedHop | undefined => {
  const parsed = viaHopSchema.safeParse(toPlainValue(node))
  if (!parsed.success) return undefined
  const { role, sessionName, sessionTags, transitiveTagKeys, sourceIdentity } = parsed.data
  const context = readContext(member(node, 'context'))
  return { role, sessionName, context, sessionTags, transitiveTagKeys, sourceIdentity }
}

const loadCase = (
  ctx: RefContext,
  refs: Referable,
  node: SourceNode,
  index: number,
): LoadedCase | undefined => {
  const path = ['cases', index]
  checkRefNode(ctx, refs, member(node, 'principal'), [...path, 'principal'], false)
  const hopNodes = itemsOf(member(node, 'via'))
  hopNodes.forEach((hop, i) => {
    checkRefNode(ctx, refs, member(hop, 'role'), [...path, 'via', i, 'role'], true)
  })
  const parsed = caseSchema.safeParse(toPlainValue(node))
  if (!parsed.success) return undefined
  const spec = parsed.data
  const via = hopNodes.map(loadHop).filter((h): h is LoadedHop => h !== undefined)
  const skip = spec.skip === true ? 'skipped' : typeof spec.skip === 'string' ? spec.skip : undefined
  return {
    name: spec.name,
    index,
    principal: spec.principal,
    actions: spec.actions ?? (spec.action ? [spec.action] : []),
    resources: spec.resources ?? (spec.resource ? [spec.resource] : []),
    context: readContext(member(node, 'context')),
    via,
    expect: spec.expect,
    skip,
    only: spec.only === true,
    tags: spec.tags ?? [],
    span: node.span,
  }
}

/** Builds the suite's parts from its tree; problems go to `ctx.issues` (schema problems excepted) */
export const buildSuiteParts = (root: SourceNode, ctx: RefContext): SuiteParts => {
  const groupNames = entriesOf(member(root, 'groups')).map((e) => e.key)
  const principals = new Map<string, LoadedPrincipal>()
  for (const e of entriesOf(member(root, 'principals'))) {
    const p = loadPrincipal(ctx, e.key, e.value, groupNames)
    if (p) principals.set(e.key, p)
  }
  const groups = new Map<string, LoadedGroup>()
  for (const e of entriesOf(member(root, 'groups'))) {
    const g = loadGroup(ctx, e.key, e.value)
    if (g) groups.set(e.key, g)
  }
  const resources = entriesOf(member(root, 'resources'))
    .map((e) => loadResource(ctx, e.key, e.value))
    .filter((r): r is LoadedResource => r !== undefined)
  const organization = loadOrganization(ctx, member(root, 'organization'))
  const refs: Referable = {
    principalNames: entriesOf(member(root, 'principals')).map((e) => e.key),
    principals,
  }
  const casesNode = member(root, 'cases')
  checkUniqueNames(ctx, casesNode)
  const cases = itemsOf(casesNode)
    .map((c, i) => loadCase(ctx, refs, c, i))
    .filter((c): c is LoadedCase => c !== undefined)
  return {
    file: ctx.file,
    context: readContext(member(root, 'context')),
    principals,
    groups,
    resources,
    ...(organization ? { organization } : {}),
    cases,
  }
}
