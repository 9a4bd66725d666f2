/**
 * Validation of a whole policy document: the top-level elements (Version, Id, Statement) and every
 * statement, collecting every issue rather than stopping at the first.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 * @module
 */
import { didYouMean } from './did-you-mean.ts'
import type { Issue, Result } from './issue.ts'
import { POLICY_KIND_RULES } from './policy-kind-rules.ts'
import type { SourceEntry, SourceNode } from './source-node.ts'
import type { PolicyDocument, PolicyKind, PolicyVersion, Statement } from './types.ts'
import { validateStatement } from './validate-statement.ts'
import {
  childPath,
  describeNode,
  type IssueSink,
  itemPath,
  readObject,
  readString,
  report,
} from './validation-context.ts'

/** The top-level elements of a policy document */
export const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const

/** The Version values IAM accepts */
export const POLICY_VERSIONS: readonly NonNullable<PolicyVersion>[] = ['2012-10-17', '2008-10-17']

const validateVersion = (entry: SourceEntry | undefined, sink: IssueSink): PolicyVersion => {
  const version = readString(entry, 'Version', sink)
  if (version === undefined || entry === undefined) return undefined
  if ((POLICY_VERSIONS as readonly string[]).includes(version)) return version as PolicyVersion
  const message = `\`Version\` must be \`2012-10-17\` or \`2008-10-17\`, not \`${version}\``
  report(sink, 'invalid-version', message, 'Version', entry.value.span)
  return undefined
}

const validateId = (
  entry: SourceEntry | undefined,
  kind: PolicyKind,
  sink: IssueSink,
): string | undefined => {
  const id = readString(entry, 'Id', sink)
  if (entry !== undefined && !POLICY_KIND_RULES[kind].idAllowed) {
    report(
      sink,
      'unknown-element',
      `\`Id\` is not allowed in ${kind} policies`,
      'Id',
      entry.keySpan,
      'warning',
    )
  }
  return id
}

const validateStatements = (
  entry: SourceEntry | undefined,
  root: SourceNode,
  kind: PolicyKind,
  sink: IssueSink,
): Statement[] => {
  if (entry === undefined) {
    report(sink, 'missing-element', 'policy is missing `Statement`', '', root.span)
    return []
  }
  const node = entry.value
  if (node.kind === 'object') {
    const one = validateStatement(node, 0, 'Statement', kind, sink)
    return one === undefined ? [] : [one]
  }
  if (node.kind !== 'array') {
    const message = `\`Statement\` must be an object or an array of objects, not ${describeNode(node)}`
    report(sink, 'wrong-type', message, 'Statement', node.span)
    return []
  }
  const statements: Statement[] = []
  const sids = new Set<string>()
  node.items.forEach((item, i) => {
    const statement = validateStatement(item, i, itemPath('Statement', i), kind, sink)
    if (statement === undefined) return
    statements.push(statement)
    // "In IAM, the Sid value must be unique within a JSON policy"
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    if (statement.sid !== undefined && statement.sid !== '') {
      if (sids.has(statement.sid)) {
        const message = `\`Sid\` \`${statement.sid}\` is used by an earlier statement; it must be unique within the policy`
        report(
          sink,
          'invalid-sid',
          message,
          `${itemPath('Statement', i)}.Sid`,
          statement.span,
          POLICY_KIND_RULES[kind].alphanumericSid ? 'error' : 'warning',
        )
      }
      sids.add(statement.sid)
    }
  })
  return statements
}

/** Wraps collected issues into a Result: errors fail it, warnings alone ride along with the value */
export const resultFromIssues = <T>(value: T, issues: readonly Issue[]): Result<T> => {
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues }
  return issues.length > 0 ? { ok: true, value, warnings: issues } : { ok: true, value }
}

/**
 * Validates a policy document tree for a policy kind. Fails with every error found (warnings
 * included); on success, warnings such as a non-alphanumeric Sid are in `warnings`
 */
export const validatePolicy = (node: SourceNode, kind: PolicyKind): Result<PolicyDocument> => {
  const sink: IssueSink = []
  const members = readObject(node, '', sink, 'a policy document')
  if (members === undefined) return { ok: false, issues: sink }
  for (const [key, entry] of members) {
    if ((POLICY_ELEMENTS as readonly string[]).includes(key)) continue
    const message = `unknown policy element \`${key}\`${didYouMean(key, POLICY_ELEMENTS)}`
    report(sink, 'unknown-element', message, childPath('', key), entry.keySpan)
  }
  const document: PolicyDocument = {
    version: validateVersion(members.get('Version'), sink),
    id: validateId(members.get('Id'), kind, sink),
    statements: validateStatements(members.get('Statement'), node, kind, sink),
    span: node.span,
  }
  return resultFromIssues(document, sink)
}
