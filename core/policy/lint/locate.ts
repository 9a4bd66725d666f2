/**
 * Paths and spans for lint findings. A PolicyDocument keeps spans for statements, principals and
 * condition tests but not for single Action or Resource entries; when the linter has the text the
 * document was parsed from, it re-reads the tree to point at the exact entry.
 * @module
 */
import { parseJsonSource } from '../parse-json.ts'
import { decodePolicyDocumentText } from '../parse-policy.ts'
import type { SourceNode, Span } from '../source-node.ts'
import type { ConditionTest, PolicyDocument, Statement } from '../types.ts'

/** A place in a policy document */
export interface Place {
  readonly path: string
  readonly span: Span
}

/** The statement elements whose entries are plain strings */
export type ListElement = 'Action' | 'NotAction' | 'Resource' | 'NotResource'

/** Finds places in one document */
export interface Locator {
  statement(s: Statement): Place
  element(s: Statement, element: ListElement | 'Principal' | 'NotPrincipal'): Place
  /** Entry `index` of a list element, as it was read (a lone string has no index) */
  entry(s: Statement, element: ListElement, index: number): Place
  /** The key of a condition test: `Statement[0].Condition.StringEquals.aws:SourceVpc` */
  condition(s: Statement, test: ConditionTest): Place
}

const sameSpan = (a: Span, b: Span): boolean =>
  a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn

const member = (node: SourceNode | undefined, key: string): SourceNode | undefined =>
  node?.kind === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined

/** The source tree of `text` when the document was parsed from it (same root span), else undefined */
const sourceTree = (doc: PolicyDocument, text: string | undefined): SourceNode | undefined => {
  if (text === undefined || doc.span.line === 0) return undefined
  const parsed = parseJsonSource(decodePolicyDocumentText(text))
  return parsed.ok && sameSpan(parsed.value.span, doc.span) ? parsed.value : undefined
}

/** A locator for a document; pass the text it was parsed from for entry-level spans */
export const locator = (doc: PolicyDocument, text?: string): Locator => {
  const tree = sourceTree(doc, text)
  const statements = member(tree, 'Statement')
  const statementNode = (s: Statement): SourceNode | undefined =>
    statements?.kind === 'array' ? statements.items[s.index] : statements
  const statementPath = (s: Statement): string =>
    statements?.kind === 'object' ? 'Statement' : `Statement[${s.index}]`
  const statement = (s: Statement): Place => ({ path: statementPath(s), span: s.span })
  const element: Locator['element'] = (s, name) => {
    const node = member(statementNode(s), name)
    const principal =
      name === 'Principal' ? s.principal : name === 'NotPrincipal' ? s.notPrincipal : undefined
    return { path: `${statementPath(s)}.${name}`, span: node?.span ?? principal?.span ?? s.span }
  }
  const entry: Locator['entry'] = (s, name, index) => {
    const path = `${statementPath(s)}.${name}`
    const node = member(statementNode(s), name)
    if (node === undefined) return { path: `${path}[${index}]`, span: s.span }
    if (node.kind !== 'array') return { path, span: node.span }
    return { path: `${path}[${index}]`, span: node.items[index]?.span ?? node.span }
  }
  const condition: Locator['condition'] = (s, test) => ({
    path: `${statementPath(s)}.Condition.${test.operator}.${test.key}`,
    span: test.span,
  })
  return { statement, element, entry, condition }
}
