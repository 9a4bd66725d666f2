/**
 * A small pure base64 decoder (standard alphabet, padding optional) for BinaryEquals.
 * @module
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/**
 * Decodes base64 into a binary string (one character per byte, codes 0–255), so that two values
 * compare byte for byte with `===`. Undefined when the text is not base64
 */
export const decodeBase64 = (text: string): string | undefined => {
  let end = text.length
  if (end % 4 === 0) {
    if (end > 0 && text.charCodeAt(end - 1) === 61) end--
    if (end > 0 && text.charCodeAt(end - 1) === 61) end--
  }
  if (end % 4 === 1) return undefined
  let out = ''
  let buffer = 0
  let bits = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const sextet = code < 128 ? LOOKUP[code]! : -1
    if (sextet < 0) return undefined
    buffer = ((buffer << 6) | sextet) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += String.fromCharCode((buffer >> bits) & 0xff)
    }
  }
  return out
}
