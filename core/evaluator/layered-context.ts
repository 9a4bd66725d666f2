/**
 * A request context made of layers instead of one fresh Map per request: the author's context over
 * the resource's keys over the identity's keys. The identity layer is built once per identity and the
 * tag layer once per tag set, so deciding a check builds no Map at all; lookups try each layer in turn.
 * @module
 */
import type { ContextValue, RequestContext } from './types.ts'

const EMPTY: ReadonlyMap<string, ContextValue> = new Map()

type Layer = ReadonlyMap<string, ContextValue>

/** A read-only context whose lookups go through its layers, first match wins */
export class LayeredContext implements ReadonlyMap<string, ContextValue> {
  // Up to four non-empty layers in fields (no array to allocate or walk), highest precedence first
  readonly #first: Layer
  readonly #second: Layer | undefined
  readonly #third: Layer | undefined
  readonly #fourth: Layer | undefined
  #flat: Map<string, ContextValue> | undefined

  /** Layers from the highest precedence to the lowest; empty and undefined layers are left out */
  constructor(a?: Layer, b?: Layer, c?: Layer, d?: Layer) {
    const layers: Layer[] = []
    if (a !== undefined && a.size > 0) layers.push(a)
    if (b !== undefined && b.size > 0) layers.push(b)
    if (c !== undefined && c.size > 0) layers.push(c)
    if (d !== undefined && d.size > 0) layers.push(d)
    this.#first = layers[0] ?? EMPTY
    this.#second = layers[1]
    this.#third = layers[2]
    this.#fourth = layers[3]
  }

  get #layers(): readonly Layer[] {
    const layers = [this.#first]
    if (this.#second !== undefined) layers.push(this.#second)
    if (this.#third !== undefined) layers.push(this.#third)
    if (this.#fourth !== undefined) layers.push(this.#fourth)
    return layers
  }

  get(key: string): ContextValue | undefined {
    const value = this.#first.get(key)
    if (value !== undefined) return value
    const second = this.#second
    if (second === undefined) return undefined
    const inSecond = second.get(key)
    if (inSecond !== undefined) return inSecond
    const third = this.#third
    if (third === undefined) return undefined
    const inThird = third.get(key)
    if (inThird !== undefined) return inThird
    return this.#fourth?.get(key)
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** The merged view, built on first use (iteration is rare: AWS requests, traces) */
  #merged(): Map<string, ContextValue> {
    if (this.#flat === undefined) {
      const flat = new Map<string, ContextValue>()
      const layers = this.#layers
      for (let i = layers.length - 1; i >= 0; i--) for (const [k, v] of layers[i]!) flat.set(k, v)
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
