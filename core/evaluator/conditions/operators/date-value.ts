/**
 * Date values of Date conditions: the W3C profile of ISO 8601 (http://www.w3.org/TR/NOTE-datetime)
 * or epoch (UNIX) seconds, read as an instant in milliseconds. Pure arithmetic: no Date objects.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 * @module
 */

/**
 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm`, `…:ss`, `…:ss.s+`, each time with an optional
 * zone (`Z`, `±hh:mm`, `±hhmm`, `±hh`). A time without a zone is read as UTC: AWS documents no rejection
 * and the policy validator accepts it too
 */
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/
/** Epoch seconds, optionally with a fraction. Exactly four digits read as a year (W3C `YYYY`) instead */
const EPOCH = /^\d+(?:\.\d+)?$/

const MS_PER_DAY = 86_400_000
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil) */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

const num = (text: string | undefined, fallback: number): number =>
  text === undefined ? fallback : Number(text)

/** Milliseconds east of UTC of a zone designator; 0 for `Z` or none; undefined when out of range */
const zoneOffset = (zone: string | undefined): number | undefined => {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0
  const sign = zone[0] === '-' ? -1 : 1
  const hours = Number(zone.slice(1, 3))
  const rest = zone.slice(3).replace(':', '')
  const minutes = rest === '' ? 0 : Number(rest)
  if (hours > 23 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes) * 60_000
}

/** Parses a W3C date-time or epoch seconds into epoch milliseconds; undefined when it is neither */
export const parseDateValue = (text: string): number | undefined => {
  const m = W3C.exec(text)
  if (m !== null) {
    const year = Number(m[1])
    const month = num(m[2], 1)
    const day = num(m[3], 1)
    const hour = num(m[4], 0)
    const minute = num(m[5], 0)
    const second = num(m[6], 0)
    if (month < 1 || month > 12) return undefined
    const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!
    if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 60) return undefined
    const offset = zoneOffset(m[8])
    if (offset === undefined) return undefined
    const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000
    return (
      daysFromCivil(year, month, day) * MS_PER_DAY +
      ((hour * 60 + minute) * 60 + second) * 1000 +
      fraction -
      offset
    )
  }
  return EPOCH.test(text) ? Number(text) * 1000 : undefined
}
