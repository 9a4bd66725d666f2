/**
 * Validation of Action / NotAction and Resource / NotResource values.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @module
 */
import { checkResourcePattern } from './arn.ts'
import type { SourceNode } from './source-node.ts'
import { type IssueSink, readStringList, report } from './validation-context.ts'

/** `service:ActionName`: a literal service prefix; the name may hold `*` and `?` */
const ACTION = /^[a-z0-9-]+:[a-z0-9_*?-]+$/i

/** Checks one Action / NotAction entry; returns a problem message or undefined when valid */
export const checkActionPattern = (text: string): string | undefined => {
  if (text === '*' || ACTION.test(text)) return undefined
  const colon = text.indexOf(':')
  if (colon < 0) return `\`${text}\` is not \`*\` or \`service:action\``
  const service = text.slice(0, colon)
  if (service.includes('*') || service.includes('?')) {
    return `wildcards are not allowed in the service prefix of \`${text}\``
  }
  return `\`${text}\` is not a valid \`service:action\` (letters, digits, \`-\`, \`_\`, \`*\` and \`?\`)`
}

/** Reads a string-or-list element and reports every entry the check finds a problem with */
const validatePatternList = (
  node: SourceNode,
  path: string,
  sink: IssueSink,
  element: string,
  check: (text: string) => string | undefined,
  code: 'invalid-action' | 'invalid-arn',
): string[] => {
  const items = readStringList(node, path, sink, `\`${element}\``)
  for (const item of items) {
    const problem = check(item.value)
    if (problem !== undefined) report(sink, code, problem, item.path, item.span)
  }
  return items.map((item) => item.value)
}

/** Reads and checks an Action or NotAction element; returns the strings as written */
export const validateActionList = (
  node: SourceNode,
  path: string,
  sink: IssueSink,
  element: string,
): string[] => validatePatternList(node, path, sink, element, checkActionPattern, 'invalid-action')

/** Reads and checks a Resource or NotResource element; returns the strings as written */
export const validateResourceList = (
  node: SourceNode,
  path: string,
  sink: IssueSink,
  element: string,
): string[] => validatePatternList(node, path, sink, element, checkResourcePattern, 'invalid-arn')
