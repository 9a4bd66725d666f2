/**
 * A hand-written JSON parser that builds a SourceNode tree: every value and every object key gets a
 * 1-based span (end exclusive), numbers keep their raw text, and duplicate keys are reported (IAM
 * rejects them). One pass over the text, no regular expressions; a syntax error stops the parse and is
 * reported with its exact line and column.
 * @module
 */
import type { Issue, Result } from './issue.ts'
import type { SourceEntry, SourceNode, Span } from './source-node.ts'

/** Deepest nesting accepted; policies nest a handful of levels, this only guards the call stack */
const MAX_DEPTH = 500

/** Mutable parse state: where we are and what we found */
interface State {
  readonly text: string
  pos: number
  line: number
  /** Index of the first character of the current line */
  lineStart: number
  /** Keys and indexes from the root down to the value being parsed, for issue paths */
  readonly path: (string | number)[]
  readonly issues: Issue[]
  /** The syntax error that stopped the parse */
  failure: Issue | undefined
}

/** Thrown to unwind the parser on a syntax error; the issue itself is in State.failure */
const SYNTAX_ERROR = new Error('json syntax error')

/** Formats a path stack as `Statement[0].Condition` */
export const formatPath = (segments: readonly (string | number)[]): string => {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else out += out === '' ? s : `.${s}`
  }
  return out
}

const column = (s: State, pos: number): number => pos - s.lineStart + 1

const fail = (s: State, message: string, pos: number = s.pos): never => {
  const col = column(s, pos)
  const span: Span = { line: s.line, column: col, endLine: s.line, endColumn: col + 1 }
  s.failure = { code: 'syntax', message, path: formatPath(s.path), span, severity: 'error' }
  throw SYNTAX_ERROR
}

/** Describes the character at `pos` for an error message */
const describeAt = (s: State, pos: number): string => {
  if (pos >= s.text.length) return 'end of input'
  const code = s.text.charCodeAt(pos)
  if (code < 32 || code === 127) return `character \`\\u${code.toString(16).padStart(4, '0')}\``
  return `\`${s.text[pos]}\``
}

const skipWhitespace = (s: State): void => {
  const t = s.text
  let p = s.pos
  for (;;) {
    const c = t.charCodeAt(p)
    if (c === 32 || c === 9) p++
    else if (c === 10) {
      p++
      s.line++
      s.lineStart = p
    } else if (c === 13) {
      p++
      if (t.charCodeAt(p) === 10) p++
      s.line++
      s.lineStart = p
    } else break
  }
  s.pos = p
}

const spanFrom = (s: State, line: number, col: number): Span => ({
  line,
  column: col,
  endLine: s.line,
  endColumn: column(s, s.pos),
})

const isDigit = (c: number): boolean => c >= 48 && c <= 57

const hexValue = (c: number): number => {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/** Reads the escape at `p` (the backslash); returns the decoded text and moves s.pos past it */
const readEscape = (s: State, p: number): string => {
  const t = s.text
  const ch = t[p + 1]
  if (ch === 'u') {
    let code = 0
    for (let i = 2; i < 6; i++) {
      const h = hexValue(t.charCodeAt(p + i))
      if (h < 0) fail(s, 'invalid unicode escape, expected four hex digits after `\\u`', p)
      code = code * 16 + h
    }
    s.pos = p + 6
    return String.fromCharCode(code)
  }
  const simple = ch === undefined ? undefined : SIMPLE_ESCAPES[ch]
  if (simple === undefined)
    fail(s, ch === undefined ? 'unterminated string' : `invalid escape \`\\${ch}\``, p)
  s.pos = p + 2
  return simple as string
}

/** Parses the string starting at the opening quote at s.pos */
const parseString = (s: State): string => {
  const t = s.text
  const len = t.length
  const open = s.pos
  let p = open + 1
  let chunk = p
  let out = ''
  for (;;) {
    if (p >= len) fail(s, 'unterminated string', open)
    const c = t.charCodeAt(p)
    if (c === 34) {
      s.pos = p + 1
      return chunk === open + 1 ? t.slice(chunk, p) : out + t.slice(chunk, p)
    }
    if (c === 92) {
      out += t.slice(chunk, p)
      out += readEscape(s, p)
      p = s.pos
      chunk = p
    } else if (c < 32) {
      if (c === 10 || c === 13) fail(s, 'line break inside a string (missing closing `"`?)', p)
      fail(s, `unescaped control character ${describeAt(s, p)} in string`, p)
    } else p++
  }
}

const skipDigits = (t: string, p: number): number => {
  let q = p
  while (isDigit(t.charCodeAt(q))) q++
  return q
}

/** Parses a number at s.pos following the JSON grammar; keeps the raw text */
const parseNumber = (s: State): SourceNode => {
  const t = s.text
  const start = s.pos
  const col = column(s, start)
  let p = start
  if (t.charCodeAt(p) === 45) p++
  const first = t.charCodeAt(p)
  if (first === 48) {
    p++
    if (isDigit(t.charCodeAt(p))) fail(s, 'leading zeros are not allowed in numbers', p)
  } else if (isDigit(first)) p = skipDigits(t, p)
  else fail(s, `invalid number: expected a digit, found ${describeAt(s, p)}`, p)
  if (t.charCodeAt(p) === 46) {
    p++
    if (!isDigit(t.charCodeAt(p)))
      fail(s, `invalid number: expected a digit after \`.\`, found ${describeAt(s, p)}`, p)
    p = skipDigits(t, p)
  }
  const e = t.charCodeAt(p)
  if (e === 101 || e === 69) {
    p++
    const sign = t.charCodeAt(p)
    if (sign === 43 || sign === 45) p++
    if (!isDigit(t.charCodeAt(p)))
      fail(s, `invalid number: expected a digit in the exponent, found ${describeAt(s, p)}`, p)
    p = skipDigits(t, p)
  }
  s.pos = p
  const raw = t.slice(start, p)
  return { kind: 'number', value: Number(raw), raw, span: spanFrom(s, s.line, col) }
}

/** Parses `true`, `false` or `null` at s.pos */
const parseLiteral = (s: State): SourceNode => {
  const t = s.text
  const col = column(s, s.pos)
  for (const word of ['true', 'false', 'null'] as const) {
    if (t.startsWith(word, s.pos)) {
      s.pos += word.length
      const span = spanFrom(s, s.line, col)
      return word === 'null'
        ? { kind: 'null', raw: word, span }
        : { kind: 'boolean', value: word === 'true', raw: word, span }
    }
  }
  return unexpected(s, 'a JSON value')
}

/** Fails with a helpful message about the character at s.pos, which is not what was `expected` */
const unexpected = (s: State, expected: string): never => {
  const c = s.text[s.pos]
  if (c === "'") return fail(s, 'strings must use double quotes (`"`), not single quotes')
  if (c === '/') return fail(s, 'comments are not allowed in JSON')
  return fail(s, `unexpected ${describeAt(s, s.pos)}, expected ${expected}`)
}

const parseValue = (s: State, depth: number): SourceNode => {
  skipWhitespace(s)
  const c = s.text.charCodeAt(s.pos)
  if (c === 123) return parseObject(s, depth + 1)
  if (c === 91) return parseArray(s, depth + 1)
  if (c === 34) {
    const line = s.line
    const col = column(s, s.pos)
    const value = parseString(s)
    return { kind: 'string', value, span: spanFrom(s, line, col) }
  }
  if (c === 45 || isDigit(c)) return parseNumber(s)
  return parseLiteral(s)
}

/** After a `,` in an object or array: a closing bracket right away is a trailing comma */
const checkTrailingComma = (s: State, close: number): void => {
  if (s.text.charCodeAt(s.pos) === close) fail(s, 'trailing comma is not allowed')
}

const parseArray = (s: State, depth: number): SourceNode => {
  if (depth > MAX_DEPTH) fail(s, `nesting is deeper than ${MAX_DEPTH} levels`)
  const line = s.line
  const col = column(s, s.pos)
  s.pos++
  const items: SourceNode[] = []
  skipWhitespace(s)
  if (s.text.charCodeAt(s.pos) === 93) {
    s.pos++
    return { kind: 'array', items, span: spanFrom(s, line, col) }
  }
  for (;;) {
    s.path.push(items.length)
    items.push(parseValue(s, depth))
    s.path.pop()
    skipWhitespace(s)
    const c = s.text.charCodeAt(s.pos)
    if (c === 93) break
    if (c !== 44) unexpected(s, '`,` or `]`')
    s.pos++
    skipWhitespace(s)
    checkTrailingComma(s, 93)
  }
  s.pos++
  return { kind: 'array', items, span: spanFrom(s, line, col) }
}

/** Parses one `"key": value` member at s.pos and reports it if the key was already seen */
const parseMember = (s: State, depth: number, seen: Set<string>): SourceEntry => {
  if (s.text.charCodeAt(s.pos) !== 34) unexpected(s, 'a string key in double quotes')
  const keyLine = s.line
  const keyCol = column(s, s.pos)
  const key = parseString(s)
  const keySpan = spanFrom(s, keyLine, keyCol)
  skipWhitespace(s)
  if (s.text.charCodeAt(s.pos) !== 58) unexpected(s, `\`:\` after key \`${key}\``)
  s.pos++
  s.path.push(key)
  const value = parseValue(s, depth)
  if (seen.has(key)) {
    const message = `duplicate key \`${key}\` (IAM rejects a key repeated in one object)`
    s.issues.push({
      code: 'duplicate-key',
      message,
      path: formatPath(s.path),
      span: keySpan,
      severity: 'error',
    })
  } else seen.add(key)
  s.path.pop()
  return { key, keySpan, value }
}

const parseObject = (s: State, depth: number): SourceNode => {
  if (depth > MAX_DEPTH) fail(s, `nesting is deeper than ${MAX_DEPTH} levels`)
  const line = s.line
  const col = column(s, s.pos)
  s.pos++
  const entries: SourceEntry[] = []
  const seen = new Set<string>()
  skipWhitespace(s)
  if (s.text.charCodeAt(s.pos) === 125) {
    s.pos++
    return { kind: 'object', entries, span: spanFrom(s, line, col) }
  }
  for (;;) {
    entries.push(parseMember(s, depth, seen))
    skipWhitespace(s)
    const c = s.text.charCodeAt(s.pos)
    if (c === 125) break
    if (c !== 44) unexpected(s, '`,` or `}`')
    s.pos++
    skipWhitespace(s)
    checkTrailingComma(s, 125)
  }
  s.pos++
  return { kind: 'object', entries, span: spanFrom(s, line, col) }
}

/**
 * Parses JSON text into a SourceNode tree with 1-based spans (end column exclusive, columns counted in
 * UTF-16 code units). A leading byte-order mark is skipped. Fails with one `syntax` issue, or with every
 * `duplicate-key` issue found
 */
export const parseJsonSource = (text: string): Result<SourceNode> => {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const s: State = { text, pos: start, line: 1, lineStart: start, path: [], issues: [], failure: undefined }
  try {
    const root = parseValue(s, 0)
    skipWhitespace(s)
    if (s.pos < text.length) fail(s, `unexpected ${describeAt(s, s.pos)} after the end of the JSON value`)
    return s.issues.length > 0 ? { ok: false, issues: s.issues } : { ok: true, value: root }
  } catch (error) {
    if (error !== SYNTAX_ERROR || s.failure === undefined) throw error
    return { ok: false, issues: [...s.issues, s.failure] }
  }
}
