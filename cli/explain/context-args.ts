/**
 * `--context k=v` values of `iamspec explain`: a repeated key builds a list; each key's type comes
 * from the catalog later (as suite contexts do), else from the text (`true`/`false`, numbers).
 * @module
 */
import type { ContextValueType } from '../../core/evaluator/types.ts'
import type { ContextEntrySpec, ContextSpec } from '../../core/suite/index.ts'

const CONTEXT_KEY = /^[A-Za-z0-9-]+:.+$/
const NUMBER = /^-?\d+(\.\d+)?$/

const inferType = (value: string): ContextValueType =>
  value === 'true' || value === 'false' ? 'boolean' : NUMBER.test(value) ? 'numeric' : 'string'

/** Parses `key=value` arguments into a context; the error names the bad argument */
export const parseContextArgs = (
  args: readonly string[],
): { ok: true; value: ContextSpec } | { ok: false; message: string } => {
  const out = new Map<string, ContextEntrySpec>()
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const key = eq < 0 ? '' : arg.slice(0, eq).trim()
    if (!CONTEXT_KEY.test(key)) {
      return {
        ok: false,
        message: `\`--context ${arg}\` is not \`key=value\` with a condition key such as \`aws:SourceIp=10.0.0.1\``,
      }
    }
    const value = arg.slice(eq + 1)
    const lower = key.toLowerCase()
    const before = out.get(lower)
    out.set(
      lower,
      before
        ? { ...before, values: [...before.values, value], list: true }
        : { key, values: [value], list: false, inferredType: inferType(value) },
    )
  }
  return { ok: true, value: out }
}
