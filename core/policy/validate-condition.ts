/**
 * Validation of a statement's Condition block: operator → { key → value(s) }. A misspelled operator is
 * an error, never a silently false condition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * @module
 */
import { allOperatorSpellings, type ParsedOperator, parseConditionOperator } from './condition-operators.ts'
import { type ConditionValueKind, checkConditionValue } from './condition-values.ts'
import { didYouMean } from './did-you-mean.ts'
import type { SourceEntry, SourceNode, Span } from './source-node.ts'
import type { ConditionTest } from './types.ts'
import {
  childPath,
  describeNode,
  type IssueSink,
  itemPath,
  joinSpans,
  readObject,
  report,
} from './validation-context.ts'

/** One condition value as IAM sees it, with where it was */
interface ConditionValueItem {
  readonly text: string
  readonly kind: ConditionValueKind
  readonly path: string
  readonly span: Span
}

/** Reads a scalar condition value, reporting `wrong-type` for null, objects and arrays */
const readScalar = (node: SourceNode, path: string, sink: IssueSink): ConditionValueItem | undefined => {
  switch (node.kind) {
    case 'string':
      return { text: node.value, kind: 'string', path, span: node.span }
    case 'number':
    case 'boolean':
      return { text: node.raw, kind: node.kind, path, span: node.span }
    default: {
      const message = `condition values must be strings, numbers or booleans, not ${describeNode(node)}`
      report(sink, 'wrong-type', message, path, node.span)
      return undefined
    }
  }
}

/** Reads a value or a non-empty array of values */
const readConditionValues = (node: SourceNode, path: string, sink: IssueSink): ConditionValueItem[] => {
  if (node.kind !== 'array') {
    const one = readScalar(node, path, sink)
    return one === undefined ? [] : [one]
  }
  if (node.items.length === 0)
    report(sink, 'wrong-type', 'condition values must not be an empty array', path, node.span)
  const out: ConditionValueItem[] = []
  node.items.forEach((item, i) => {
    const value = readScalar(item, itemPath(path, i), sink)
    if (value !== undefined) out.push(value)
  })
  return out
}

/** The message for an operator name that parseConditionOperator rejected */
const unknownOperatorMessage = (operator: string): string => {
  if (/(^|:)null\s*ifexists$/i.test(operator))
    return `\`${operator}\`: the \`Null\` operator cannot take \`IfExists\``
  return `unknown condition operator \`${operator}\`${didYouMean(operator, allOperatorSpellings())}`
}

/** Validates one `key: values` pair under an operator and builds its test */
const validateKey = (
  entry: SourceEntry,
  parsed: ParsedOperator | undefined,
  path: string,
  sink: IssueSink,
): ConditionTest | undefined => {
  if (entry.key.trim() === '')
    report(sink, 'invalid-condition', 'condition key must not be empty', path, entry.keySpan)
  const values = readConditionValues(entry.value, path, sink)
  if (parsed === undefined) return undefined
  for (const value of values) {
    const problem = checkConditionValue(parsed.info.family, value.text, value.kind)
    if (problem !== undefined) {
      report(
        sink,
        'invalid-condition',
        `${problem} (operator \`${parsed.operator}\`)`,
        value.path,
        value.span,
      )
    }
  }
  return {
    operator: parsed.operator,
    baseOperator: parsed.baseOperator,
    setOperator: parsed.setOperator,
    ifExists: parsed.ifExists,
    key: entry.key,
    values: values.map((v) => v.text),
    span: joinSpans(entry.keySpan, entry.value.span),
  }
}

/** Validates a Condition element and returns its tests (one per operator and key) */
export const validateCondition = (node: SourceNode, path: string, sink: IssueSink): ConditionTest[] => {
  const operators = readObject(node, path, sink, '`Condition`')
  if (operators === undefined) return []
  const tests: ConditionTest[] = []
  for (const [operator, entry] of operators) {
    const operatorPath = childPath(path, operator)
    const parsed = parseConditionOperator(operator)
    if (parsed === undefined) {
      report(sink, 'unknown-operator', unknownOperatorMessage(operator), operatorPath, entry.keySpan)
    }
    const keys = readObject(entry.value, operatorPath, sink, `condition operator \`${operator}\``)
    for (const [key, keyEntry] of keys ?? []) {
      const test = validateKey(keyEntry, parsed, childPath(operatorPath, key), sink)
      if (test !== undefined) tests.push(test)
    }
  }
  return tests
}
