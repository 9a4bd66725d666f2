/**
 * Validation of one policy statement: its elements, Effect, Action/NotAction, Resource/NotResource,
 * Principal/NotPrincipal (per policy kind) and Condition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * @module
 */
import { didYouMean } from './did-you-mean.ts'
import { POLICY_KIND_RULES, type PolicyKindRules } from './policy-kind-rules.ts'
import type { SourceEntry, SourceNode } from './source-node.ts'
import type { PolicyKind, PrincipalSet, Statement } from './types.ts'
import { validateActionList, validateResourceList } from './validate-action-resource.ts'
import { validateCondition } from './validate-condition.ts'
import { validatePrincipal } from './validate-principal.ts'
import { childPath, type IssueSink, readObject, readString, report } from './validation-context.ts'

/** Every element a statement may hold, spelt as AWS documents them (names are case-sensitive) */
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const

type Members = ReadonlyMap<string, SourceEntry>

const SID = /^[A-Za-z0-9]*$/

const checkUnknownElements = (members: Members, path: string, sink: IssueSink): void => {
  for (const [key, entry] of members) {
    if ((STATEMENT_ELEMENTS as readonly string[]).includes(key)) continue
    const message = `unknown statement element \`${key}\`${didYouMean(key, STATEMENT_ELEMENTS)}`
    report(sink, 'unknown-element', message, childPath(path, key), entry.keySpan)
  }
}

const validateSid = (
  members: Members,
  path: string,
  rules: PolicyKindRules,
  sink: IssueSink,
): string | undefined => {
  const entry = members.get('Sid')
  const sid = readString(entry, childPath(path, 'Sid'), sink)
  if (sid !== undefined && entry !== undefined && rules.alphanumericSid && !SID.test(sid)) {
    const message = `IAM accepts only letters and digits in a \`Sid\`, not \`${sid}\``
    report(sink, 'invalid-sid', message, childPath(path, 'Sid'), entry.value.span)
  }
  return sid
}

const validateEffect = (
  members: Members,
  node: SourceNode,
  path: string,
  sink: IssueSink,
): 'Allow' | 'Deny' => {
  const entry = members.get('Effect')
  if (entry === undefined) {
    report(sink, 'missing-element', 'statement is missing `Effect`', path, node.span)
    return 'Deny'
  }
  const effect = readString(entry, childPath(path, 'Effect'), sink)
  if (effect === 'Allow' || effect === 'Deny') return effect
  if (effect !== undefined) {
    const message = `\`Effect\` must be exactly \`Allow\` or \`Deny\`, not \`${effect}\`${didYouMean(effect, ['Allow', 'Deny'])}`
    report(sink, 'invalid-effect', message, childPath(path, 'Effect'), entry.value.span)
  }
  return 'Deny'
}

/** The values of an element and its Not form; at most one of them is set */
interface ElementPair<T> {
  readonly plain: T | undefined
  readonly not: T | undefined
}

/**
 * Reads an element and its Not form (`Action` / `NotAction`): both at once is `conflicting-elements`,
 * neither (when required) is `missing-element`
 */
const validatePair = <T>(
  members: Members,
  names: readonly [string, string],
  context: { node: SourceNode; path: string; sink: IssueSink; required: boolean },
  read: (node: SourceNode, path: string, element: string) => T,
): ElementPair<T> => {
  const [name, notName] = names
  const { node, path, sink } = context
  const plain = members.get(name)
  const not = members.get(notName)
  if (plain !== undefined && not !== undefined) {
    const message = `a statement cannot have both \`${name}\` and \`${notName}\``
    report(sink, 'conflicting-elements', message, path, not.keySpan)
  } else if (plain === undefined && not === undefined && context.required) {
    report(sink, 'missing-element', `statement is missing \`${name}\` or \`${notName}\``, path, node.span)
  }
  return {
    plain: plain === undefined ? undefined : read(plain.value, childPath(path, name), name),
    not: not === undefined ? undefined : read(not.value, childPath(path, notName), notName),
  }
}

/** Applies the policy kind's Principal / NotPrincipal rules, then validates what is allowed */
const validatePrincipals = (
  members: Members,
  context: { node: SourceNode; path: string; sink: IssueSink },
  kind: PolicyKind,
): ElementPair<PrincipalSet> => {
  const rules = POLICY_KIND_RULES[kind]
  const { path, sink } = context
  const principal = members.get('Principal')
  const notPrincipal = members.get('NotPrincipal')
  if (principal !== undefined && rules.principal === 'forbidden') {
    report(
      sink,
      'principal-not-allowed',
      `\`Principal\` is not allowed in ${kind} policies`,
      childPath(path, 'Principal'),
      principal.keySpan,
    )
  }
  if (notPrincipal !== undefined && !rules.notPrincipalAllowed) {
    const message = `\`NotPrincipal\` is not allowed in ${kind} policies`
    report(sink, 'not-principal-not-allowed', message, childPath(path, 'NotPrincipal'), notPrincipal.keySpan)
  }
  const allowed = new Map(members)
  if (rules.principal === 'forbidden') allowed.delete('Principal')
  if (!rules.notPrincipalAllowed) allowed.delete('NotPrincipal')
  const required = rules.principal === 'required' && principal === undefined && notPrincipal === undefined
  return validatePair(allowed, ['Principal', 'NotPrincipal'], { ...context, required }, (node, p, element) =>
    validatePrincipal(node, p, sink, element),
  )
}

/**
 * Validates one statement object. `path` is `Statement` for a lone statement object and
 * `Statement[i]` inside an array. Returns undefined when the node is not an object
 */
export const validateStatement = (
  node: SourceNode,
  index: number,
  path: string,
  kind: PolicyKind,
  sink: IssueSink,
): Statement | undefined => {
  const members = readObject(node, path, sink, 'a statement')
  if (members === undefined) return undefined
  const rules = POLICY_KIND_RULES[kind]
  const context = { node, path, sink }
  checkUnknownElements(members, path, sink)
  const sid = validateSid(members, path, rules, sink)
  const effect = validateEffect(members, node, path, sink)
  const readAction = (n: SourceNode, p: string, e: string) => validateActionList(n, p, sink, e)
  const readResource = (n: SourceNode, p: string, e: string) => validateResourceList(n, p, sink, e)
  const action = validatePair(members, ['Action', 'NotAction'], { ...context, required: true }, readAction)
  const resource = validatePair(
    members,
    ['Resource', 'NotResource'],
    { ...context, required: rules.resourceRequired },
    readResource,
  )
  const principal = validatePrincipals(members, context, kind)
  const condition = members.get('Condition')
  const conditions =
    condition === undefined ? [] : validateCondition(condition.value, childPath(path, 'Condition'), sink)
  return {
    index,
    sid,
    effect,
    action: action.plain,
    notAction: action.not,
    resource: resource.plain,
    notResource: resource.not,
    principal: principal.plain,
    notPrincipal: principal.not,
    conditions,
    span: node.span,
  }
}
