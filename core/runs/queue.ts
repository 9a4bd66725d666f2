/**
 * The run queue: slices of a run travel as small messages (team, run, slice range), never as checks;
 * a worker reloads the suite version and expands it to find its slice. SQS on AWS, an in-process
 * queue locally.
 * @module
 */

/** One unit of work: evaluate checks `start`..`end` of a run's expansion and record them as `slice` */
export interface SliceMessage {
  readonly teamId: string
  readonly runId: string
  readonly slice: number
  readonly start: number
  readonly end: number
}

/** Where slices are sent */
export interface RunQueue {
  /** Sends messages; resolves once every one is accepted, throws otherwise */
  enqueue(messages: readonly SliceMessage[]): Promise<void>
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** Parses a message body (JSON text) into a SliceMessage, or undefined when it is not one */
export const parseSliceMessage = (text: string): SliceMessage | undefined => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const m = value as Record<string, unknown>
  if (typeof m.teamId !== 'string' || typeof m.runId !== 'string') return undefined
  if (!isIndex(m.slice) || !isIndex(m.start) || !isIndex(m.end) || m.end < m.start) return undefined
  return { teamId: m.teamId, runId: m.runId, slice: m.slice, start: m.start, end: m.end }
}

/** The JSON text of a message */
export const formatSliceMessage = (m: SliceMessage): string =>
  JSON.stringify({ teamId: m.teamId, runId: m.runId, slice: m.slice, start: m.start, end: m.end })
