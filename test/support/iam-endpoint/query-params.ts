/**
 * Reading AWS Query requests: a form-encoded body (`Action=…&Version=2010-05-08&…`) whose list
 * members are numbered from 1 (`ActionNames.member.1`, `ContextEntries.member.1.ContextKeyValues.member.1`)
 * becomes a tree of strings, arrays and objects. An empty list arrives as `Name=` (an empty string).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonParameters.html
 * @module
 */

/** A parsed parameter: a string, a list of parameters or a structure */
export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue }

/** A parsed request */
export type QueryParams = { [key: string]: QueryValue }

const isObject = (v: QueryValue | undefined): v is { [key: string]: QueryValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const setPath = (container: QueryParams | QueryValue[], segments: readonly string[], value: string): void => {
  const [head, ...rest] = segments
  if (head === undefined) return
  if (Array.isArray(container)) {
    const index = Number(head) - 1
    if (!Number.isInteger(index) || index < 0) return
    if (rest.length === 0) container[index] = value
    else {
      const child = container[index]
      const next = rest[0] === 'member' ? (Array.isArray(child) ? child : []) : isObject(child) ? child : {}
      container[index] = next
      setPath(next, rest[0] === 'member' ? rest.slice(1) : rest, value)
    }
    return
  }
  if (rest.length === 0) {
    if (!(head in container)) container[head] = value
    return
  }
  if (rest[0] === 'member') {
    const child = container[head]
    const list = Array.isArray(child) ? child : []
    container[head] = list
    setPath(list, rest.slice(1), value)
    return
  }
  const child = container[head]
  const obj = isObject(child) ? child : {}
  container[head] = obj
  setPath(obj, rest, value)
}

const compact = (value: QueryValue): QueryValue => {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact)
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]))
  return value
}

/** Parses a form-encoded AWS Query body */
export const parseQuery = (body: string): QueryParams => {
  const out: QueryParams = {}
  for (const [key, value] of new URLSearchParams(body)) setPath(out, key.split('.'), value)
  return compact(out) as QueryParams
}

/** A string parameter, or undefined */
export const str = (v: QueryValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

/** A list parameter (absent or `Name=` read as empty) */
export const list = (v: QueryValue | undefined): QueryValue[] => (Array.isArray(v) ? v : [])

/** A list of strings */
export const strings = (v: QueryValue | undefined): string[] =>
  list(v).filter((x): x is string => typeof x === 'string')

/** A structure parameter */
export const struct = (v: QueryValue | undefined): { [key: string]: QueryValue } => (isObject(v) ? v : {})
