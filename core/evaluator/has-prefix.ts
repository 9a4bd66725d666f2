/**
 * A prefix test that compares character codes, last character first. V8's String.prototype.startsWith
 * is several times slower on the short strings policies hold, and patterns that share a long start
 * (`arn:aws:s3:::data-1/`, `arn:aws:s3:::data-2/`) differ near their end, so a mismatch is found at
 * once.
 * @module
 */

/** True when `text` has `prefix` at `start` (0 by default) */
export const hasPrefix = (text: string, prefix: string, start = 0): boolean => {
  const n = prefix.length
  if (text.length - start < n) return false
  for (let i = n - 1; i >= 0; i--) if (text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false
  return true
}
