/**
 * Values derived from immutable objects, built once per object and dropped with it.
 * @module
 */

/** The value for `key` in `cache`, built and stored on first use */
export const memoIn = <K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V => {
  let value = cache.get(key)
  if (value === undefined) {
    value = build(key)
    cache.set(key, value)
  }
  return value
}

/**
 * A function of an object, computed once per object. INVARIANT: the objects it is given are never
 * mutated afterwards (policies, documents, identities and policy sets are all readonly)
 */
export const memoByObject = <K extends object, V>(build: (key: K) => V): ((key: K) => V) => {
  const cache = new WeakMap<K, V>()
  return (key) => memoIn(cache, key, build)
}
