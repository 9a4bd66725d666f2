/**
 * A JSON or YAML value tree that remembers where each node came from.
 * @module
 */

/** A 1-based position range in a source text */
export interface Span {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

/** An object member: its key (with its own span) and value */
export interface SourceEntry {
  readonly key: string
  readonly keySpan: Span
  readonly value: SourceNode
}

/** A parsed value with its source span; scalars keep the raw text the author wrote */
export type SourceNode =
  | { readonly kind: 'object'; readonly entries: readonly SourceEntry[]; readonly span: Span }
  | { readonly kind: 'array'; readonly items: readonly SourceNode[]; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly raw: string; readonly span: Span }
  | { readonly kind: 'null'; readonly raw: string; readonly span: Span }

/** The span used when a node was built from a plain value and has no source */
export const NO_SPAN: Span = { line: 0, column: 0, endLine: 0, endColumn: 0 }

/** The text IAM would see for a scalar node (numbers and booleans as written), or undefined for containers */
export const scalarText = (node: SourceNode): string | undefined => {
  switch (node.kind) {
    case 'string':
      return node.value
    case 'number':
    case 'boolean':
    case 'null':
      return node.raw
    default:
      return undefined
  }
}

/** Builds a source tree from a plain JS value; every span is NO_SPAN */
export const fromPlainValue = (value: unknown): SourceNode => {
  if (value === null || value === undefined) return { kind: 'null', raw: 'null', span: NO_SPAN }
  if (typeof value === 'string') return { kind: 'string', value, span: NO_SPAN }
  if (typeof value === 'number') return { kind: 'number', value, raw: String(value), span: NO_SPAN }
  if (typeof value === 'boolean') return { kind: 'boolean', value, raw: String(value), span: NO_SPAN }
  if (Array.isArray(value)) return { kind: 'array', items: value.map(fromPlainValue), span: NO_SPAN }
  if (typeof value === 'object') {
    return {
      kind: 'object',
      entries: Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
        key,
        keySpan: NO_SPAN,
        value: fromPlainValue(v),
      })),
      span: NO_SPAN,
    }
  }
  return { kind: 'string', value: String(value), span: NO_SPAN }
}

/** Converts a source tree back to a plain JS value (scalars keep their JSON types) */
export const toPlainValue = (node: SourceNode): unknown => {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const entry of node.entries) out[entry.key] = toPlainValue(entry.value)
      return out
    }
    case 'array':
      return node.items.map(toPlainValue)
    case 'null':
      return null
    default:
      return node.value
  }
}
