/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait their turn in order.
 * @module
 */

/** Runs tasks with bounded concurrency */
export interface Semaphore {
  /** Runs `task` once a slot is free */
  run<T>(task: () => Promise<T>): Promise<T>
  /** Tasks running now */
  readonly active: () => number
}

/** Creates a semaphore with `limit` slots (at least one) */
export const createSemaphore = (limit: number): Semaphore => {
  const slots = Math.max(1, Math.floor(limit))
  let active = 0
  const waiting: (() => void)[] = []
  const release = () => {
    active--
    const next = waiting.shift()
    if (next) {
      active++
      next()
    }
  }
  const acquire = (): Promise<void> => {
    if (active < slots) {
      active++
      return Promise.resolve()
    }
    return new Promise((resolve) => waiting.push(resolve))
  }
  return {
    run: async (task) => {
      await acquire()
      try {
        return await task()
      } finally {
        release()
      }
    },
    active: () => active,
  }
}
