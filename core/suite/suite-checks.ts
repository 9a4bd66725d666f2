/**
 * The suite's own consistency rules beyond the schema: what each principal form may carry, and
 * the cross references (groups, case principals, via roles, unique case names).
 * @module
 */
import { didYouMean } from '../policy/index.ts'
import type { IssueCode } from '../policy/issue.ts'
import type { SourceNode, Span } from '../policy/source-node.ts'
import type { RefContext } from './policy-refs.ts'
import { type PrincipalArn, parsePrincipalArn } from './principal-arn.ts'
import { formatPath, member, type SourcePath } from './source-path.ts'
import type { LoadedPrincipal } from './types.ts'

/** Records one suite issue */
export const issue = (
  ctx: RefContext,
  code: IssueCode,
  message: string,
  path: SourcePath,
  span: Span | undefined,
) => {
  ctx.issues.push({
    code,
    message,
    path: formatPath(path),
    ...(span ? { span } : {}),
    file: ctx.file,
    severity: 'error',
  })
}

/** The items of an array node (none for anything else) */
export const itemsOf = (node: SourceNode | undefined): readonly SourceNode[] =>
  node?.kind === 'array' ? node.items : []

/** Elements that only some principal forms may carry */
const ONLY_FOR: readonly [string, readonly string[], string][] = [
  ['trustPolicy', ['role'], 'roles'],
  ['sessionName', ['role'], 'roles'],
  ['sessionTags', ['role', 'assumedRole'], 'roles and role sessions'],
  ['federatedFrom', ['federatedUser'], 'federated users'],
  ['groups', ['user', 'federatedUser'], 'IAM users (and federated users, for the federating user)'],
  [
    'sessionPolicy',
    ['role', 'assumedRole', 'federatedUser'],
    'sessions (roles, role sessions, federated users)',
  ],
]

/** Checks which elements a principal entry may carry for its ARN form */
export const checkPrincipalEntry = (
  ctx: RefContext,
  node: SourceNode,
  path: SourcePath,
  arn: PrincipalArn | undefined,
) => {
  const arnNode = member(node, 'arn')
  if (arnNode?.kind === 'string' && !arn && arnNode.value.startsWith('arn:')) {
    const message = `\`${arnNode.value}\` is not a principal ARN (user, role, assumed-role, federated-user, root) or \`anonymous\``
    issue(ctx, 'invalid-principal', message, [...path, 'arn'], arnNode.span)
  }
  if (!arn) return
  for (const [key, kinds, what] of ONLY_FOR) {
    const keyNode = member(node, key)
    if (keyNode && !kinds.includes(arn.kind)) {
      issue(ctx, 'invalid-value', `\`${key}\` applies only to ${what}`, [...path, key], keyNode.span)
    }
  }
  const has = (key: string) => member(node, key) !== undefined
  if (arn.kind === 'anonymous' && (has('policies') || has('permissionsBoundary'))) {
    issue(ctx, 'invalid-value', 'an anonymous caller has no policies of its own', path, node.span)
  }
  if (arn.kind === 'federatedUser' && !has('policies') && !has('federatedFrom')) {
    issue(ctx, 'missing-element', 'a federated user needs `policies` or `federatedFrom`', path, node.span)
  }
}

/** Checks that every group a principal names exists */
export const checkGroupRefs = (
  ctx: RefContext,
  node: SourceNode,
  path: SourcePath,
  groupNames: readonly string[],
) => {
  itemsOf(member(node, 'groups')).forEach((g, i) => {
    if (g.kind === 'string' && !groupNames.includes(g.value)) {
      const message = `unknown group \`${g.value}\`${didYouMean(g.value, groupNames)}`
      issue(ctx, 'missing-reference', message, [...path, 'groups', i], g.span)
    }
  })
}

/** Names and principals the cases may refer to */
export interface Referable {
  readonly principalNames: readonly string[]
  readonly principals: ReadonlyMap<string, LoadedPrincipal>
}

const checkPrincipalRef = (
  ctx: RefContext,
  refs: Referable,
  text: string,
  path: SourcePath,
  span: Span,
  role: boolean,
) => {
  const what = role ? 'role' : 'principal'
  if (refs.principalNames.includes(text)) {
    const p = refs.principals.get(text)
    if (role && p && p.arn.kind !== 'role')
      issue(ctx, 'invalid-value', `principal \`${text}\` is not a role`, path, span)
    return
  }
  const arn = parsePrincipalArn(text)
  if (arn && (!role || arn.kind === 'role')) return
  const hint = text.startsWith('arn:') ? ` (not a ${what} ARN)` : didYouMean(text, refs.principalNames)
  issue(ctx, 'unknown-principal', `unknown ${what} \`${text}\`${hint}`, path, span)
}

/** Checks a case principal or via role node names something that exists */
export const checkRefNode = (
  ctx: RefContext,
  refs: Referable,
  node: SourceNode | undefined,
  path: SourcePath,
  role: boolean,
) => {
  if (node?.kind === 'string' && node.value !== '')
    checkPrincipalRef(ctx, refs, node.value, path, node.span, role)
}

/** Checks that case names are unique in the suite */
export const checkUniqueNames = (ctx: RefContext, node: SourceNode | undefined) => {
  const seen = new Map<string, Span>()
  itemsOf(node).forEach((caseNode, i) => {
    const nameNode = member(caseNode, 'name')
    if (nameNode?.kind !== 'string') return
    const first = seen.get(nameNode.value)
    if (first) {
      const where = first.line > 0 ? ` (first at line ${first.line})` : ''
      issue(
        ctx,
        'duplicate-name',
        `duplicate case name \`${nameNode.value}\`${where}`,
        ['cases', i, 'name'],
        nameNode.span,
      )
    } else seen.set(nameNode.value, nameNode.span)
  })
}
