/**
 * Slicing a run (pure): a run's checks, in expansion order, are cut into contiguous slices that
 * workers evaluate independently; the worker that finishes the last slice closes the run.
 * @module
 */

/** The default number of checks per slice */
export const DEFAULT_SLICE_SIZE = 500

/** One slice of a run: checks `start` (inclusive) to `end` (exclusive) of the expansion */
export interface SlicePlan {
  readonly index: number
  readonly start: number
  readonly end: number
}

/** Cuts `total` checks into slices of at most `size`; no slices for an empty run */
export const planSlices = (total: number, size: number = DEFAULT_SLICE_SIZE): SlicePlan[] => {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`invalid check count \`${total}\``)
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid slice size \`${size}\``)
  const out: SlicePlan[] = []
  for (let start = 0, index = 0; start < total; start += size, index++) {
    out.push({ index, start, end: Math.min(total, start + size) })
  }
  return out
}

/** The items of one slice */
export const sliceOf = <T>(items: readonly T[], plan: SlicePlan): readonly T[] =>
  items.slice(plan.start, plan.end)
