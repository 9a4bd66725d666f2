/**
 * A request context made of layers instead of one fresh Map per request: the author's context over
 * the resource's keys over the identity's keys. The identity layer is built once per identity and the
 * tag layer once per tag set, so deciding a check builds no Map at all; lookups try each layer in turn.
 * @module
 */
import type { ContextValue, RequestContext } from './types.ts'

const EMPTY: ReadonlyMap<string, ContextValue> = new Map()

/** A read-only context whose lookups go through its layers, first match wins */
export class LayeredContext implements ReadonlyMap<string, ContextValue> {
  readonly #layers: readonly ReadonlyMap<string, ContextValue>[]
  #flat: Map<string, ContextValue> | undefined

  /** Layers from the highest precedence to the lowest */
  constructor(layers: readonly (ReadonlyMap<string, ContextValue> | undefined)[]) {
    this.#layers = layers.filter((l): l is ReadonlyMap<string, ContextValue> => l !== undefined && l.size > 0)
    if (this.#layers.length === 0) this.#layers = [EMPTY]
  }

  get(key: string): ContextValue | undefined {
    const layers = this.#layers
    for (let i = 0; i < layers.length; i++) {
      const value = layers[i]!.get(key)
      if (value !== undefined) return value
    }
    return undefined
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** The merged view, built on first use (iteration is rare: AWS requests, traces) */
  #merged(): Map<string, ContextValue> {
    if (this.#flat === undefined) {
      const flat = new Map<string, ContextValue>()
      for (let i = this.#layers.length - 1; i >= 0; i--) for (const [k, v] of this.#layers[i]!) flat.set(k, v)
      this.#flat = flat
    }
    return this.#flat
  }

  get size(): number {
    return this.#merged().size
  }

  entries(): MapIterator<[string, ContextValue]> {
    return this.#merged().entries()
  }

  keys(): MapIterator<string> {
    return this.#merged().keys()
  }

  values(): MapIterator<ContextValue> {
    return this.#merged().values()
  }

  forEach(
    callback: (value: ContextValue, key: string, map: ReadonlyMap<string, ContextValue>) => void,
  ): void {
    for (const [k, v] of this.#merged()) callback(v, k, this)
  }

  [Symbol.iterator](): MapIterator<[string, ContextValue]> {
    return this.entries()
  }
}

/** True when every key of the context is already in canonical form */
export const isCanonical = (context: RequestContext, canonical: (key: string) => string): boolean => {
  for (const key of context.keys()) if (canonical(key) !== key) return false
  return true
}
