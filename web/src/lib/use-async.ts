/**
 * Loading data in a component: the value, the error, and a way to load again.
 * @module
 */
import { useCallback, useEffect, useState } from 'preact/hooks'

/** The state of an async load */
export interface AsyncState<T> {
  readonly value: T | undefined
  readonly error: unknown
  readonly loading: boolean
  /** Loads again, keeping the current value until the new one arrives */
  readonly reload: () => void
  /** Replaces the value (after a save, say) */
  readonly set: (value: T) => void
}

/** Runs `load` when `deps` change; ignores answers that arrive after a newer load started */
export const useAsync = <T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> => {
  const [value, setValue] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  // the caller names the dependencies of `load`
  useEffect(() => {
    let current = true
    setLoading(true)
    setError(undefined)
    load().then(
      (v) => {
        if (!current) return
        setValue(v)
        setLoading(false)
      },
      (e: unknown) => {
        if (!current) return
        setError(e)
        setLoading(false)
      },
    )
    return () => {
      current = false
    }
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { value, error, loading, reload, set: setValue }
}
