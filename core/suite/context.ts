/**
 * Request context in suites: reading a context block from the source tree (values as the text IAM
 * sees: numbers as written), merging suite, case and hop contexts (`null` removes a key), and
 * building the evaluator's RequestContext with each key's type from the condition-key catalog.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @module
 */

import { contextKey, contextValue } from '../evaluator/index.ts'
import type { ContextValue, ContextValueType, RequestContext } from '../evaluator/types.ts'
import type { SourceNode } from '../policy/source-node.ts'
import type { ContextEntrySpec, ContextSpec } from './types.ts'

/** The type and arity of a condition key, from the catalog; undefined for unknown keys */
export type KeyTypeLookup = (
  key: string,
) => { readonly type: ContextValueType; readonly multi: boolean } | undefined

/** The default lookup: knows no key, so types are inferred from the values as written */
export const inferKeyTypes: KeyTypeLookup = () => undefined

const scalarValue = (node: SourceNode): { text: string; type: ContextValueType } | undefined => {
  switch (node.kind) {
    case 'string':
      return { text: node.value, type: 'string' }
    case 'number':
      return { text: node.raw, type: 'numeric' }
    case 'boolean':
      return { text: String(node.value), type: 'boolean' }
    default:
      return undefined
  }
}

const listValues = (node: SourceNode): { values: string[]; list: boolean; type: ContextValueType } => {
  if (node.kind === 'array') {
    const scalars = node.items.map(scalarValue).filter((v) => v !== undefined)
    return { values: scalars.map((v) => v.text), list: true, type: scalars[0]?.type ?? 'string' }
  }
  const one = scalarValue(node)
  return { values: one ? [one.text] : [], list: false, type: one?.type ?? 'string' }
}

/** Reads one context value node (already schema-valid); null stays null (it removes a key) */
export const readContextValue = (key: string, node: SourceNode): ContextEntrySpec | null => {
  if (node.kind === 'null') return null
  if (node.kind === 'object') {
    const typeNode = node.entries.find((e) => e.key === 'type')?.value
    const valueNode = node.entries.find((e) => e.key === 'value')?.value
    const typeName = typeNode?.kind === 'string' ? typeNode.value : 'string'
    const listType = typeName.endsWith('List')
    const forcedType = (listType ? typeName.slice(0, -4) : typeName) as ContextValueType
    const read = valueNode ? listValues(valueNode) : { values: [], list: listType, type: forcedType }
    return { key, values: read.values, list: read.list || listType, forcedType, inferredType: read.type }
  }
  const read = listValues(node)
  return { key, values: read.values, list: read.list, inferredType: read.type }
}

/** Reads a context block (a mapping node, already schema-valid) keyed by lower-case key */
export const readContext = (node: SourceNode | undefined): ContextSpec => {
  const out = new Map<string, ContextEntrySpec | null>()
  if (node?.kind !== 'object') return out
  for (const entry of node.entries) out.set(contextKey(entry.key), readContextValue(entry.key, entry.value))
  return out
}

/** Layers contexts: later ones override earlier ones key by key, and `null` removes the key */
export const mergeContexts = (...layers: readonly ContextSpec[]): ReadonlyMap<string, ContextEntrySpec> => {
  const out = new Map<string, ContextEntrySpec>()
  for (const layer of layers) {
    for (const [key, entry] of layer) {
      if (entry === null) out.delete(key)
      else out.set(key, entry)
    }
  }
  return out
}

/** Builds the evaluator's context: forced type, else the catalog's, else inferred from the values */
export const toRequestContext = (
  entries: ReadonlyMap<string, ContextEntrySpec>,
  lookup: KeyTypeLookup = inferKeyTypes,
): RequestContext => {
  const out = new Map<string, ContextValue>()
  for (const [key, entry] of entries) {
    const known = lookup(entry.key)
    const type = entry.forcedType ?? known?.type ?? entry.inferredType
    const multi = entry.list || (entry.forcedType === undefined && known?.multi === true)
    out.set(key, contextValue(entry.values, multi, type))
  }
  return out
}
