/**
 * The in-process run queue of the local server: messages wait in memory and at most `concurrency`
 * are processed at a time; a failing message is retried, then handed to `onFailure`. Nothing survives
 * a restart: the server marks runs left unfinished as failed when it starts again.
 * @module
 */
import type { RunQueue, SliceMessage } from './queue.ts'

/** How the local queue processes messages */
export interface LocalQueueOptions {
  /** Processes one message; a throw counts as a failed attempt */
  readonly process: (message: SliceMessage) => Promise<void>
  /** Called once a message failed every attempt */
  readonly onFailure: (message: SliceMessage, error: unknown) => Promise<void>
  /** Messages processed at once; default 2 */
  readonly concurrency?: number
  /** Attempts per message; default 3 */
  readonly attempts?: number
}

/** The local queue: a RunQueue plus a way to stop it */
export interface LocalQueue extends RunQueue {
  /** Messages waiting or being processed */
  pending(): number
  /** Resolves when nothing is waiting or being processed */
  idle(): Promise<void>
  /** Drops waiting messages and takes no more; resolves when the ones in flight are done */
  close(): Promise<void>
}

/** Yields to the event loop, so HTTP requests are served between slices */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Creates an in-process queue with bounded concurrency */
export const createLocalQueue = (options: LocalQueueOptions): LocalQueue => {
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const attempts = Math.max(1, options.attempts ?? 3)
  const waiting: SliceMessage[] = []
  let running = 0
  let closed = false
  let waiters: (() => void)[] = []

  const settle = (): void => {
    if (running > 0 || (waiting.length > 0 && !closed)) return
    const done = waiters
    waiters = []
    for (const w of done) w()
  }

  const handle = async (message: SliceMessage): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.process(message)
        return
      } catch (error) {
        if (closed) return
        if (attempt >= attempts) {
          await options.onFailure(message, error).catch(() => undefined)
          return
        }
        await yieldToLoop()
      }
    }
  }

  const pump = (): void => {
    while (!closed && running < concurrency && waiting.length > 0) {
      const message = waiting.shift()!
      running++
      void yieldToLoop()
        .then(() => (closed ? undefined : handle(message)))
        .finally(() => {
          running--
          pump()
          settle()
        })
    }
  }

  return {
    enqueue: async (messages) => {
      if (closed) throw new Error('the run queue is closed')
      waiting.push(...messages)
      pump()
    },
    pending: () => waiting.length + running,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
        settle()
      }),
    close: async () => {
      closed = true
      waiting.length = 0
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        settle()
      })
    },
  }
}
