/**
 * IP address operators: CIDR match, IPv4 or IPv6, mixed in one list. A value without a prefix is a
 * single address (`/32` or `/128`). IPv4-mapped IPv6 request addresses match IPv4 ranges.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 * @module
 */
import ipaddr from 'ipaddr.js'
import { type ConditionOperator, memoizeLast, negate } from '../operator.ts'

type Address = ipaddr.IPv4 | ipaddr.IPv6

const PREFIX = /^\d{1,3}$/

/** Parses a strict dotted-quad IPv4 or an IPv6 address; undefined otherwise */
export const parseIpAddress = (text: string): Address | undefined => {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text)
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text)
  return undefined
}

/** Parses an address or CIDR block into the network and its prefix length; undefined otherwise */
export const parseIpRange = (text: string): readonly [Address, number] | undefined => {
  const slash = text.indexOf('/')
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash))
  if (address === undefined) return undefined
  const max = address.kind() === 'ipv4' ? 32 : 128
  if (slash === -1) return [address, max]
  const prefix = text.slice(slash + 1)
  if (!PREFIX.test(prefix) || Number(prefix) > max) return undefined
  return [address, Number(prefix)]
}

const parseRequest = memoizeLast(parseIpAddress)

/** A strict dotted-quad IPv4 address as an unsigned 32-bit number; undefined otherwise (no regex, no allocation) */
export const parseIpv4Number = (text: string): number | undefined => {
  let value = 0
  let part = 0
  let digits = 0
  let parts = 0
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 46
    if (code === 46) {
      if (digits === 0 || part > 255 || parts === 4) return undefined
      value = value * 256 + part
      parts++
      part = 0
      digits = 0
    } else if (code >= 48 && code <= 57) {
      // no leading zeros ("010" is ambiguous), at most three digits
      if (digits > 0 && part === 0) return undefined
      part = part * 10 + (code - 48)
      if (++digits > 3) return undefined
    } else return undefined
  }
  return parts === 4 ? value : undefined
}

const maskOf = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0)

const isIpv4Mapped = (v6: ipaddr.IPv6): boolean => {
  const p = v6.parts
  return p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0xffff
}

const inRange = (address: Address, network: Address, bits: number): boolean => {
  if (address.kind() === network.kind()) return address.match(network, bits)
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6
    // ::ffff:a.b.c.d; checked on the parts, since ipaddr's isIPv4MappedAddress walks every special range
    return isIpv4Mapped(v6) && v6.toIPv4Address().match(network, bits)
  }
  return (address as ipaddr.IPv4).toIPv4MappedAddress().match(network, bits)
}

/** `IpAddress` */
export const IpAddress: ConditionOperator = {
  name: 'IpAddress',
  family: 'ip',
  negated: false,
  allowsVariables: false,
  substitution: 'literal',
  expects: 'an IP address or CIDR block',
  compile: (policyValue) => {
    const range = parseIpRange(policyValue)
    if (range === undefined) return undefined
    const [network, bits] = range
    if (network.kind() === 'ipv4') {
      // Fast path for IPv4 ranges: compare 32-bit numbers; other request forms take the general path
      const mask = maskOf(bits)
      const net = (parseIpv4Number(network.toString())! & mask) >>> 0
      return (requestValue) => {
        const n = parseIpv4Number(requestValue)
        if (n !== undefined) return (n & mask) >>> 0 === net
        const address = parseRequest(requestValue)
        return address === undefined ? 'error' : inRange(address, network, bits)
      }
    }
    return (requestValue) => {
      const address = parseRequest(requestValue)
      return address === undefined ? 'error' : inRange(address, network, bits)
    }
  },
}

/** `NotIpAddress`: NOR of IpAddress */
export const NotIpAddress = negate(IpAddress, 'NotIpAddress')

/** The IP address family */
export const IP_OPERATORS: readonly ConditionOperator[] = [IpAddress, NotIpAddress]
