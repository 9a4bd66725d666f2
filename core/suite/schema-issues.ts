/**
 * Turns zod issues into suite Issues: a path like `cases[3].expect`, a line and column from the
 * source tree, a stable code and a one-line lowercase message. Union failures are narrowed to the
 * branch the author meant (by the keys they wrote), so a typo gets "did you mean", not a union dump.
 * @module
 */
import type { z } from 'zod'
import { didYouMean } from '../policy/index.ts'
import type { Issue, IssueCode } from '../policy/issue.ts'
import type { SourceNode, Span } from '../policy/source-node.ts'
import type { CustomIssueParams } from './schema.ts'
import { describeNode, formatPath, nodeAt } from './source-path.ts'

type ZodIssue = z.core.$ZodIssue
type Segment = PropertyKey

/** The parts of a zod schema's definition this module reads */
interface Def {
  readonly type: string
  readonly shape?: Readonly<Record<string, Schema>>
  readonly element?: Schema
  readonly valueType?: Schema
  readonly innerType?: Schema
  readonly in?: Schema
  readonly options?: readonly Schema[]
}
interface Schema {
  readonly _zod: { readonly def: unknown }
}

const defOf = (schema: Schema): Def => schema._zod.def as Def

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'])

const unwrap = (schema: Schema): Schema => {
  let current = schema
  for (let i = 0; i < 20; i++) {
    const def = defOf(current)
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType
    else if (def.type === 'pipe' && def.in) current = def.in
    else break
  }
  return current
}

/** The schema a relative path leads to, when it can be followed without choosing a union branch */
const schemaAt = (schema: Schema | undefined, path: readonly Segment[]): Schema | undefined => {
  let current = schema
  for (const segment of path) {
    if (!current) return undefined
    const def = defOf(unwrap(current))
    if (def.type === 'object') current = def.shape?.[String(segment)]
    else if (def.type === 'array') current = def.element
    else if (def.type === 'record') current = def.valueType
    else return undefined
  }
  return current ? unwrap(current) : undefined
}

/** The keys an object schema (or every object branch of a union) accepts */
const knownKeys = (schema: Schema | undefined): string[] => {
  if (!schema) return []
  const def = defOf(unwrap(schema))
  if (def.type === 'object') return Object.keys(def.shape ?? {})
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap(knownKeys))]
  return []
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
}

const isDefaultMessage = (message: string): boolean => /^(Invalid|Too |Unrecognized)/.test(message)

/** Everything needed to place issues of one suite file */
interface Context {
  readonly root: SourceNode
  readonly file: string | undefined
  readonly out: Issue[]
}

const push = (
  ctx: Context,
  code: IssueCode,
  message: string,
  path: readonly Segment[],
  span: Span | undefined,
) => {
  const segments = path.map((s) => (typeof s === 'number' ? s : String(s)))
  ctx.out.push({
    code,
    message,
    path: formatPath(segments),
    ...(span ? { span } : {}),
    ...(ctx.file ? { file: ctx.file } : {}),
    severity: 'error',
  })
}

const valueText = (node: SourceNode | undefined): string => (node ? `, got ${describeNode(node)}` : '')

/** True for an issue saying the value itself has the wrong type (nested unions included) */
const isTypeMismatch = (iss: ZodIssue): boolean =>
  iss.path.length === 0 &&
  (iss.code === 'invalid_type' ||
    (iss.code === 'invalid_union' && iss.errors.every((b) => b.some(isTypeMismatch))))

/** Chooses the union branch the author meant, or undefined when none clearly fits */
const pickBranch = (
  ctx: Context,
  errors: readonly (readonly ZodIssue[])[],
  options: readonly Schema[],
  path: readonly Segment[],
): number | undefined => {
  const typeMatched = errors
    .map((branch, i) => ({ branch, i }))
    .filter(({ branch }) => !branch.some(isTypeMismatch))
  if (typeMatched.length === 1) return typeMatched[0]!.i
  if (typeMatched.length === 0) return undefined
  const node = nodeAt(ctx.root, path).node
  if (node?.kind !== 'object') return typeMatched.sort((a, b) => a.branch.length - b.branch.length)[0]!.i
  const written = node.entries.map((e) => e.key)
  const scored = typeMatched.map(({ i }) => {
    const keys = knownKeys(options[i])
    return { i, score: written.filter((k) => keys.includes(k)).length }
  })
  scored.sort((a, b) => b.score - a.score)
  const [best, second] = scored
  if (!best || best.score === 0 || (second && second.score === best.score)) return undefined
  return best.i
}

const convert = (ctx: Context, iss: ZodIssue, base: readonly Segment[], schema: Schema | undefined): void => {
  const path = [...base, ...iss.path]
  const target = nodeAt(ctx.root, path)
  const span = (target.node ?? target.nearest).span
  const here = schemaAt(schema, iss.path)
  const whole = iss.code === 'unrecognized_keys' || iss.code === 'custom' || iss.code === 'invalid_key'
  if (target.node === undefined && !whole) {
    const key = String(path[path.length - 1] ?? '')
    push(ctx, 'missing-element', `missing \`${key}\``, path, target.nearest.span)
    return
  }
  switch (iss.code) {
    case 'invalid_union': {
      const options = here && defOf(here).type === 'union' ? (defOf(here).options ?? []) : []
      const chosen = pickBranch(ctx, iss.errors, options, path)
      if (chosen !== undefined) {
        for (const inner of iss.errors[chosen] ?? []) convert(ctx, inner, path, options[chosen])
        return
      }
      const what = isDefaultMessage(iss.message) ? 'another kind of value' : iss.message
      const code = target.node?.kind === 'object' ? 'invalid-value' : 'wrong-type'
      push(ctx, code, `expected ${what}${valueText(target.node)}`, path, span)
      return
    }
    case 'invalid_type': {
      const expected = EXPECTED[iss.expected] ?? iss.expected
      push(ctx, 'wrong-type', `expected ${expected}${valueText(target.node)}`, path, span)
      return
    }
    case 'invalid_value': {
      const allowed = iss.values.map((v) => `\`${String(v)}\``).join(', ')
      const got = target.node?.kind === 'string' ? target.node.value : undefined
      const hint = got === undefined ? '' : didYouMean(got, iss.values.map(String))
      push(ctx, 'invalid-value', `expected one of ${allowed}${valueText(target.node)}${hint}`, path, span)
      return
    }
    case 'invalid_format': {
      const what = isDefaultMessage(iss.message) ? `a value in the format ${iss.format}` : iss.message
      push(ctx, 'invalid-value', `expected ${what}${valueText(target.node)}`, path, span)
      return
    }
    case 'too_small':
    case 'too_big': {
      const unit = iss.origin === 'array' ? 'items' : 'characters'
      const bound = iss.code === 'too_small' ? iss.minimum : iss.maximum
      const message =
        iss.code === 'too_small' && Number(bound) === 1
          ? 'must not be empty'
          : `must have ${iss.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} ${unit}`
      push(ctx, 'invalid-value', message, path, span)
      return
    }
    case 'unrecognized_keys': {
      const allowed = knownKeys(here)
      for (const key of iss.keys) {
        const keyTarget = nodeAt(ctx.root, [...path, key])
        push(
          ctx,
          'unknown-key',
          `unknown key \`${key}\`${didYouMean(key, allowed)}`,
          [...path, key],
          keyTarget.keySpan ?? span,
        )
      }
      return
    }
    case 'invalid_key': {
      const inner = iss.issues[0]
      const what = inner && !isDefaultMessage(inner.message) ? inner.message : 'a valid key'
      const key = String(path[path.length - 1] ?? '')
      push(ctx, 'invalid-value', `expected ${what}, got key \`${key}\``, path, target.keySpan ?? span)
      return
    }
    case 'custom': {
      const params = iss.params as Partial<CustomIssueParams> | undefined
      push(ctx, params?.issueCode ?? 'invalid-value', iss.message, path, span)
      return
    }
    default: {
      const message = iss.message.charAt(0).toLowerCase() + iss.message.slice(1)
      push(ctx, 'invalid-value', message, path, span)
    }
  }
}

/** Converts zod issues (paths relative to `root`) into Issues placed in the source tree */
export const schemaIssues = (
  issues: readonly ZodIssue[],
  root: SourceNode,
  schema: Schema,
  file: string | undefined,
): Issue[] => {
  const ctx: Context = { root, file, out: [] }
  for (const iss of issues) convert(ctx, iss, [], schema)
  return ctx.out
}
