/**
 * Context values, interned: equal values are one shared object. Checks of a suite repeat the same few
 * values (source IPs, times, tags, flags) thousands of times, and a request whose values are shared
 * reads them from cache instead of from objects of its own.
 * INVARIANT: a ContextValue and its values array are never mutated (both readonly)
 * @module
 */
import type { ContextValue, ContextValueType } from './types.ts'

/** Bound on interned values; past it the table starts over (keeps memory flat) */
const LIMIT = 65_536

let size = 0
const singles = new Map<string, Map<string, ContextValue>>()
const lists = new Map<string, ContextValue>()

const remember = <K>(table: Map<K, ContextValue>, key: K, value: ContextValue): ContextValue => {
  if (size >= LIMIT) {
    singles.clear()
    lists.clear()
    size = 0
  }
  table.set(key, value)
  size++
  return value
}

/** The shared value of a single-valued key */
export const singleValue = (value: string, type: ContextValueType = 'string'): ContextValue => {
  let byValue = singles.get(type)
  if (byValue === undefined) {
    byValue = new Map()
    singles.set(type, byValue)
  }
  return byValue.get(value) ?? remember(byValue, value, { values: [value], multi: false, type })
}

/**
 * The shared value with these values, arity and type (a single value goes to singleValue). The first
 * array given for a value is the one kept
 */
export const contextValue = (
  values: readonly string[],
  multi: boolean,
  type?: ContextValueType,
): ContextValue => {
  if (!multi && values.length === 1 && type !== undefined) return singleValue(values[0]!, type)
  const key = JSON.stringify([type ?? null, multi, values])
  return lists.get(key) ?? remember(lists, key, { values, multi, ...(type === undefined ? {} : { type }) })
}
