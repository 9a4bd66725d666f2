/**
 * API tokens: `isp_` plus 43 base64url characters (32 random bytes), stored only as SHA-256 hex.
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN = /^isp_[A-Za-z0-9_-]{43}$/

/** Makes a new random token */
export const generateToken = (): string => `isp_${randomBytes(32).toString('base64url')}`

/** True for text shaped like a token */
export const isTokenShaped = (text: string): boolean => TOKEN.test(text)

/** The sha256 hex of a token, as stored */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/** Compares two hex hashes in constant time */
export const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
