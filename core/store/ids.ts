/**
 * Sortable ids: ULID-like (48-bit millisecond time + 80 random bits, Crockford base32, 26 characters), made
 * monotonic within one millisecond so ids from one process sort in creation order.
 * https://github.com/ulid/spec
 * @module
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const TIME_LENGTH = 10
const RANDOM_LENGTH = 16

/** Encodes milliseconds since the epoch as the 10-character time prefix of an id */
export const encodeIdTime = (ms: number): string => {
  let out = ''
  let rest = Math.max(0, Math.floor(ms))
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET[rest % 32] + out
    rest = Math.floor(rest / 32)
  }
  return out
}

/** The smallest id that any id created at or after `ms` sorts at or above */
export const idFloor = (ms: number): string => encodeIdTime(ms) + '0'.repeat(RANDOM_LENGTH)

/** Decodes the creation time (ms) of an id made by `createIdFactory` */
export const idTime = (id: string): number => {
  let ms = 0
  for (const ch of id.slice(0, TIME_LENGTH)) ms = ms * 32 + ALPHABET.indexOf(ch)
  return ms
}

const randomDigits = (): number[] => {
  const bytes = new Uint8Array(RANDOM_LENGTH)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b % 32)
}

/** Adds one to a base-32 digit array in place; false on overflow */
const increment = (digits: number[]): boolean => {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]! += 1
      return true
    }
    digits[i] = 0
  }
  return false
}

/** Makes an id generator; ids from one generator strictly increase even within one millisecond */
export const createIdFactory = (now: () => number = Date.now): (() => string) => {
  let lastMs = -1
  let last: number[] = []
  return () => {
    let ms = now()
    if (ms <= lastMs) {
      ms = lastMs
      if (!increment(last)) {
        ms += 1
        last = randomDigits()
      }
    } else last = randomDigits()
    lastMs = ms
    return encodeIdTime(ms) + last.map((d) => ALPHABET[d]).join('')
  }
}
