/**
 * Writing XML by hand, safely: escaping text and attribute values, and dropping the characters XML 1.0
 * cannot hold at all (control characters other than tab, newline and carriage return, lone
 * surrogates, U+FFFE and U+FFFF). https://www.w3.org/TR/xml/#charsets
 * @module
 */

/** True for a UTF-16 code unit XML 1.0 accepts on its own (surrogates are checked in pairs) */
const isXmlUnit = (c: number): boolean =>
  c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0xd800) || (c > 0xdfff && c < 0xfffe)

/** Removes characters that XML 1.0 documents cannot contain */
export const stripNonXmlChars = (text: string): string => {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isXmlUnit(c)) out += text[i]
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2)
        i++
      }
    }
  }
  return out
}

/** Escapes element text: `&`, `<`, `>` (and `]]>` stays harmless since `>` is escaped) */
export const escapeXmlText = (text: string): string =>
  stripNonXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Escapes an attribute value; quotes, and the whitespace a parser would otherwise normalize */
export const escapeXmlAttribute = (text: string): string =>
  escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')

/** Attributes as ` name="value"`, skipping undefined values */
export const xmlAttributes = (attributes: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('')
