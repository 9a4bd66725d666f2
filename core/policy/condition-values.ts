/**
 * Checks on condition values that are cheap and certain: numbers for Numeric, ISO 8601 or epoch
 * seconds for Date, true/false for Bool and Null, CIDR blocks for IpAddress.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @module
 */
import ipaddr from 'ipaddr.js'
import type { OperatorFamily } from './condition-operators.ts'

/** The JSON type a condition value was written as */
export type ConditionValueKind = 'string' | 'number' | 'boolean'

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const EPOCH = /^\d+(\.\d+)?$/
/** W3C profile of ISO 8601; the time zone designator is optional here (see isIsoDate) */
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?)?)?$/

const inRange = (text: string | undefined, min: number, max: number): boolean =>
  text === undefined || (Number(text) >= min && Number(text) <= max)

/**
 * True for a date in the W3C profile of ISO 8601 (http://www.w3.org/TR/NOTE-datetime): `YYYY`,
 * `YYYY-MM`, `YYYY-MM-DD`, then optionally `Thh:mm`, `:ss`, `.s` and a zone (`Z` or `±hh:mm`).
 * A time without a zone is accepted (read as UTC by the evaluator), since AWS has not documented a rejection
 */
export const isIsoDate = (text: string): boolean => {
  const m = ISO_DATE.exec(text)
  if (m === null) return false
  const [, , month, day, hour, minute, second, , tzHour, tzMinute] = m
  return (
    inRange(month, 1, 12) &&
    inRange(day, 1, 31) &&
    inRange(hour, 0, 23) &&
    inRange(minute, 0, 59) &&
    inRange(second, 0, 60) &&
    inRange(tzHour, 0, 23) &&
    inRange(tzMinute, 0, 59)
  )
}

/** True for epoch (UNIX) seconds, optionally with a fraction */
export const isEpochSeconds = (text: string): boolean => EPOCH.test(text)

/** True for an IPv4 or IPv6 address or CIDR block (no prefix means a single address) */
export const isIpOrCidr = (text: string): boolean =>
  text.includes('/')
    ? ipaddr.IPv4.isValidCIDRFourPartDecimal(text) || ipaddr.IPv6.isValidCIDR(text)
    : ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text)

const isTrueOrFalse = (text: string): boolean => {
  const lower = text.toLowerCase()
  return lower === 'true' || lower === 'false'
}

/**
 * Checks one condition value for an operator family. `text` is the value as IAM sees it (scalarText).
 * Returns a problem message, or undefined when the value is acceptable
 */
export const checkConditionValue = (
  family: OperatorFamily,
  text: string,
  kind: ConditionValueKind,
): string | undefined => {
  switch (family) {
    case 'numeric':
      return kind !== 'boolean' && NUMBER.test(text) ? undefined : `\`${text}\` is not a number`
    case 'date':
      return kind !== 'boolean' && (isIsoDate(text) || isEpochSeconds(text))
        ? undefined
        : `\`${text}\` is not an ISO 8601 date (like \`2026-01-31T12:00:00Z\`) or epoch seconds`
    case 'boolean':
    case 'null':
      return isTrueOrFalse(text) ? undefined : `\`${text}\` is not \`true\` or \`false\``
    case 'ip':
      return kind === 'string' && isIpOrCidr(text)
        ? undefined
        : `\`${text}\` is not an IP address or CIDR block`
    default:
      return undefined
  }
}
