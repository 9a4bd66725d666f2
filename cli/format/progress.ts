/**
 * The progress line of long runs: on standard error, only when it is a terminal, and only once the
 * run has taken a moment (short runs print nothing). Rewritten in place; cleared when done.
 * @module
 */
import type { CliIo } from '../io.ts'

/** A progress line */
export interface Progress {
  readonly update: (done: number, total: number) => void
  readonly done: () => void
}

/** Creates a progress line that appears after `delayMs` */
export const progressLine = (io: CliIo, label: string, delayMs = 300): Progress => {
  if (!io.stderrIsTty) return { update: () => {}, done: () => {} }
  const start = performance.now()
  let shown = false
  return {
    update: (done, total) => {
      if (performance.now() - start < delayMs) return
      shown = true
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      io.err(`\r\u001b[K${label} ${done}/${total} (${percent}%)`)
    },
    done: () => {
      if (shown) io.err('\r\u001b[K')
    },
  }
}
