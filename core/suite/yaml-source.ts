/**
 * YAML text to the same SourceNode tree the JSON parser builds, with 1-based spans (end exclusive).
 * Mapping keys are taken literally as written (`Null:` is the key "Null", `true:` is "true"), and
 * numbers, booleans and nulls keep their source text, so a policy document written in YAML reads
 * as the JSON IAM would see. YAML 1.2 core schema; anything ambiguous is reported, not guessed.
 * @module
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml'
import type { Issue, Result } from '../policy/issue.ts'
import type { SourceEntry, SourceNode, Span } from '../policy/source-node.ts'
import { formatPath } from './source-path.ts'

/** Deepest nesting accepted (aliases included); guards the call stack */
const MAX_DEPTH = 200

interface State {
  readonly text: string
  readonly lines: LineCounter
  readonly doc: ReturnType<typeof parseDocument>
  readonly issues: Issue[]
  readonly file: string | undefined
}

const position = (s: State, offset: number): { line: number; col: number } => s.lines.linePos(offset)

const spanOf = (
  s: State,
  range: readonly [number, number, number] | null | undefined,
  fallback?: Span,
): Span => {
  if (!range) return fallback ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }
  let stop = range[1]
  while (stop > range[0] && /\s/.test(s.text.charAt(stop - 1))) stop--
  const start = position(s, range[0])
  const end = position(s, stop)
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col }
}

const report = (
  s: State,
  code: Issue['code'],
  message: string,
  path: readonly (string | number)[],
  span: Span,
) => {
  s.issues.push({
    code,
    message,
    path: formatPath(path),
    span,
    severity: 'error',
    ...(s.file ? { file: s.file } : {}),
  })
}

/** The key text as written: plain scalars keep their source, quoted ones their value */
const keyText = (key: Scalar): string => {
  if (key.type === Scalar.PLAIN && typeof key.source === 'string') return key.source
  return String(key.value)
}

const convertScalar = (
  s: State,
  node: Scalar,
  path: readonly (string | number)[],
  span: Span,
): SourceNode => {
  const value: unknown = node.value
  const raw = typeof node.source === 'string' ? node.source : String(value)
  if (value === null || value === undefined) return { kind: 'null', raw, span }
  if (typeof value === 'string') return { kind: 'string', value, span }
  if (typeof value === 'boolean') return { kind: 'boolean', value, raw, span }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value)
    if (!Number.isFinite(n)) {
      report(
        s,
        'invalid-value',
        `\`${raw}\` is not a number IAM can read; quote it if it is text`,
        path,
        span,
      )
    }
    return { kind: 'number', value: n, raw, span }
  }
  report(s, 'wrong-type', `cannot read \`${raw}\` unambiguously; quote it`, path, span)
  return { kind: 'string', value: raw, span }
}

const convert = (
  s: State,
  node: unknown,
  path: (string | number)[],
  fallback: Span,
  depth: number,
): SourceNode => {
  if (depth > MAX_DEPTH) {
    report(s, 'syntax', `nesting deeper than ${MAX_DEPTH} levels`, path, fallback)
    return { kind: 'null', raw: '', span: fallback }
  }
  if (node === null || node === undefined) return { kind: 'null', raw: '', span: fallback }
  if (isAlias(node)) {
    const target = node.resolve(s.doc)
    const span = spanOf(s, node.range, fallback)
    if (!target) {
      report(s, 'syntax', `unknown alias \`*${node.source}\``, path, span)
      return { kind: 'null', raw: '', span }
    }
    return convert(s, target, path, span, depth + 1)
  }
  const span = spanOf(s, (node as Node).range, fallback)
  if (isScalar(node)) return convertScalar(s, node, path, span)
  if (isSeq(node)) {
    const items = node.items.map((item, i) => convert(s, item, [...path, i], span, depth + 1))
    return { kind: 'array', items, span }
  }
  if (isMap(node)) {
    const entries: SourceEntry[] = []
    const seen = new Map<string, Span>()
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = isAlias(pair.key) ? pair.key.resolve(s.doc) : pair.key
      if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
        report(
          s,
          'syntax',
          'mapping keys must be plain text',
          path,
          spanOf(s, (pair.key as Node | null)?.range, span),
        )
        continue
      }
      const text = keyText(key)
      const keySpan = spanOf(s, (pair.key as Node).range, span)
      const first = seen.get(text)
      if (first) {
        report(
          s,
          'duplicate-key',
          `duplicate key \`${text}\` (first at line ${first.line})`,
          [...path, text],
          keySpan,
        )
        continue
      }
      seen.set(text, keySpan)
      const afterKey = {
        line: keySpan.endLine,
        column: keySpan.endColumn,
        endLine: keySpan.endLine,
        endColumn: keySpan.endColumn,
      }
      entries.push({
        key: text,
        keySpan,
        value: convert(s, pair.value, [...path, text], afterKey, depth + 1),
      })
    }
    return { kind: 'object', entries, span }
  }
  report(s, 'syntax', 'unsupported YAML node', path, span)
  return { kind: 'null', raw: '', span }
}

/** The first line of a yaml library message, without its "at line N, column M" tail */
const shortMessage = (message: string): string => {
  const first = message.split('\n')[0] ?? message
  const cut = first.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '')
  return cut.charAt(0).toLowerCase() + cut.slice(1)
}

/** Parses YAML text into a SourceNode tree; syntax errors, duplicate keys and ambiguous values are issues */
export const parseYamlSource = (
  text: string,
  options: { readonly file?: string } = {},
): Result<SourceNode> => {
  const lines = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: false,
    prettyErrors: true,
    version: '1.2',
    schema: 'core',
    merge: false,
  })
  const s: State = { text, lines, doc, issues: [], file: options.file }
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const [from, to] = problem.pos
    const start = position(s, from)
    const end = position(s, Math.max(to, from + 1))
    const span = { line: start.line, column: start.col, endLine: end.line, endColumn: end.col }
    report(s, 'syntax', shortMessage(problem.message), [], span)
  }
  if (s.issues.length > 0) return { ok: false, issues: s.issues }
  const root = convert(s, doc.contents, [], { line: 1, column: 1, endLine: 1, endColumn: 1 }, 0)
  return s.issues.length > 0 ? { ok: false, issues: s.issues } : { ok: true, value: root }
}
