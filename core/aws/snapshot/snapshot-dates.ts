/**
 * Snapshot dates. The AWS CLI prints ISO 8601 (`2023-01-09T12:44:05Z`, or `+00:00` in v2); scripts
 * that dump boto3 output print Python's form (`2019-08-16 17:27:59+00:00`). Both are read, and kept
 * as ISO 8601 in UTC.
 * @module
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i

/** A snapshot date as ISO 8601 UTC (`2019-08-16T17:27:59Z`), or undefined when it is not a date */
export const normaliseSnapshotDate = (text: string): string | undefined => {
  const m = DATE.exec(text.trim())
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`)
  if (Number.isNaN(time)) return undefined
  const iso = new Date(time).toISOString()
  return fraction === '' ? iso.replace(/\.\d{3}Z$/, 'Z') : iso
}

/** A date as the AWS CLI v2 prints it: `2019-08-16T17:27:59+00:00` */
export const formatSnapshotDate = (iso: string): string => iso.replace(/Z$/, '+00:00')
