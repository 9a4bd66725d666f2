/**
 * The `broad-wildcard` lint rule: Allow statements that grant far more than they seem to, such as
 * NotAction or NotResource with Allow, every action of a service on every resource, `iam:PassRole` on
 * every role, and `Principal: "*"` without a condition in a resource or trust policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 * @module
 */
import type { Issue } from '../issue.ts'
import type { PolicyDocument, PolicyKind, Statement } from '../types.ts'
import type { Locator, Place } from './locate.ts'

const warning = (message: string, place: Place): Issue => ({
  code: 'broad-wildcard',
  message,
  path: place.path,
  span: place.span,
  severity: 'warning',
})

/** Whether an IAM action pattern (`*`, `?`, case-insensitive) matches an action of the same service */
const matchesAction = (pattern: string, action: string): boolean => {
  const prefix = action.slice(0, action.indexOf(':') + 1).toLowerCase()
  if (!pattern.toLowerCase().startsWith(prefix)) return false
  let source = ''
  for (const c of pattern)
    source += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
  return new RegExp(`^${source}$`, 'i').test(action)
}

/** `*` or `service:*`: every action, or every action of one service */
const wholeService = (action: string): boolean => action === '*' || /^[^:*?]+:\*$/.test(action)

const allResources = (s: Statement): boolean => s.resource?.includes('*') === true

const notActionFinding = (s: Statement, loc: Locator): Issue[] =>
  s.notAction !== undefined && allResources(s)
    ? [
        warning(
          '`Allow` with `NotAction` on `Resource: "*"` grants every action except those listed, in every AWS service, ' +
            'including services and actions added later; list the allowed actions instead, or use `NotAction` with `Deny`',
          loc.element(s, 'NotAction'),
        ),
      ]
    : []

const actionFindings = (s: Statement, loc: Locator): Issue[] => {
  if (s.action === undefined || !allResources(s)) return []
  const issues: Issue[] = []
  s.action.forEach((action, i) => {
    const place = loc.entry(s, 'Action', i)
    if (action === '*') {
      issues.push(
        warning(
          '`Action: "*"` on `Resource: "*"` grants every action of every service on every resource: full administrator access, ' +
            'including changing its own permissions',
          place,
        ),
      )
    } else if (wholeService(action)) {
      const service = action.slice(0, action.indexOf(':'))
      issues.push(
        warning(
          `\`${action}\` on \`Resource: "*"\` grants every \`${service}\` action on every resource, including actions added later ` +
            'and those that delete data or change resource policies; list the actions and resources needed',
          place,
        ),
      )
    } else if (matchesAction(action, 'iam:PassRole')) {
      issues.push(
        warning(
          `\`${action}\` on \`Resource: "*"\` allows \`iam:PassRole\` for every role in the account, so the principal can hand ` +
            "any role to a service (EC2, Lambda, …) and act with that role's permissions; list the role ARNs it may pass",
          place,
        ),
      )
    }
  })
  return issues
}

const notResourceFinding = (s: Statement, loc: Locator): Issue[] => {
  if (s.notResource === undefined) return []
  const everything =
    s.action?.includes('*') === true ? '; with `Action: "*"` this is close to full administrator access' : ''
  return [
    warning(
      '`Allow` with `NotResource` grants the actions on every resource except those listed, in every account and including ' +
        `resources created later; list the resources instead${everything}`,
      loc.element(s, 'NotResource'),
    ),
  ]
}

const PUBLIC_KINDS: readonly PolicyKind[] = ['resource', 'trust']

const principalFinding = (s: Statement, kind: PolicyKind, loc: Locator): Issue[] => {
  const p = s.principal
  if (!PUBLIC_KINDS.includes(kind) || p === undefined || s.conditions.length > 0) return []
  if (!p.everyone && !p.aws.includes('*')) return []
  const message =
    kind === 'trust'
      ? '`Principal: "*"` without a `Condition` lets any principal in any AWS account assume this role, once its own ' +
        'account allows it; name the trusted accounts or principals, or add a condition such as `aws:PrincipalOrgID`'
      : '`Principal: "*"` without a `Condition` allows everyone: every AWS account and anonymous, unsigned requests; name ' +
        'the principals, or add a condition such as `aws:PrincipalOrgID` or `aws:SourceVpce`'
  return [warning(message, loc.element(s, 'Principal'))]
}

/**
 * Kinds whose Allow statements only cap what other policies grant (an SCP such as FullAWSAccess, a
 * permissions boundary, an RCP): a wide Allow there grants nothing, so it is not flagged
 */
const CAPPING_KINDS: readonly PolicyKind[] = ['scp', 'rcp', 'boundary']

/** `broad-wildcard` findings for every Allow statement of a document */
export const lintBroadWildcards = (doc: PolicyDocument, kind: PolicyKind, loc: Locator): Issue[] =>
  doc.statements
    .filter((s) => s.effect === 'Allow' && !CAPPING_KINDS.includes(kind))
    .flatMap((s) => [
      ...notActionFinding(s, loc),
      ...actionFindings(s, loc),
      ...notResourceFinding(s, loc),
      ...principalFinding(s, kind, loc),
    ])
