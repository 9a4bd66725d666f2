/**
 * A small, strict XML reader for tests: elements, attributes, text, the five predefined entities and
 * numeric character references, an XML declaration and comments. It rejects what a real parser
 * rejects (mismatched tags, a bare `<` or `&`, duplicate attributes), so well-formedness is tested too.
 * @module
 */

/** An element */
export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlElement[]
  /** The element's own text (children's text excluded) */
  readonly text: string
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

const isNameChar = (c: string): boolean =>
  (c >= 'a' && c <= 'z') ||
  (c >= 'A' && c <= 'Z') ||
  (c >= '0' && c <= '9') ||
  c === '-' ||
  c === '_' ||
  c === ':' ||
  c === '.'

/** Parses a document; throws on anything not well-formed */
export const parseXml = (xml: string): XmlElement => {
  let at = 0
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 30))}`)
  }
  const startsWith = (s: string) => xml.startsWith(s, at)
  const skipSpace = () => {
    while (at < xml.length && ' \t\r\n'.includes(xml[at]!)) at++
  }
  const readName = (): string => {
    const start = at
    while (at < xml.length && isNameChar(xml[at]!)) at++
    if (at === start) fail('expected a name')
    return xml.slice(start, at)
  }
  const decode = (raw: string): string => {
    let out = ''
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!
      if (c === '<') fail('bare `<` in text')
      if (c !== '&') {
        out += c
        continue
      }
      const end = raw.indexOf(';', i)
      if (end < 0) fail('bare `&`')
      const name = raw.slice(i + 1, end)
      if (name.startsWith('#x')) out += String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      else if (name.startsWith('#')) out += String.fromCodePoint(Number.parseInt(name.slice(1), 10))
      else if (name in ENTITIES) out += ENTITIES[name]
      else fail(`unknown entity &${name};`)
      i = end
    }
    return out
  }
  const skipMisc = () => {
    for (;;) {
      skipSpace()
      if (startsWith('<?')) {
        const end = xml.indexOf('?>', at)
        if (end < 0) fail('unterminated declaration')
        at = end + 2
      } else if (startsWith('<!--')) {
        const end = xml.indexOf('-->', at)
        if (end < 0) fail('unterminated comment')
        at = end + 3
      } else return
    }
  }
  const readElement = (): XmlElement => {
    if (!startsWith('<')) fail('expected `<`')
    at++
    const name = readName()
    const attributes: Record<string, string> = {}
    for (;;) {
      skipSpace()
      if (startsWith('/>')) {
        at += 2
        return { name, attributes, children: [], text: '' }
      }
      if (startsWith('>')) {
        at++
        break
      }
      const attribute = readName()
      skipSpace()
      if (!startsWith('=')) fail('expected `=`')
      at++
      skipSpace()
      const quote = xml[at]
      if (quote !== '"' && quote !== "'") fail('expected a quoted value')
      const end = xml.indexOf(quote!, at + 1)
      if (end < 0) fail('unterminated attribute')
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`)
      attributes[attribute] = decode(xml.slice(at + 1, end))
      at = end + 1
    }
    const children: XmlElement[] = []
    let text = ''
    for (;;) {
      if (at >= xml.length) fail(`unclosed <${name}>`)
      if (startsWith('</')) {
        at += 2
        const closing = readName()
        if (closing !== name) fail(`</${closing}> closes <${name}>`)
        skipSpace()
        if (!startsWith('>')) fail('expected `>`')
        at++
        return { name, attributes, children, text }
      }
      if (startsWith('<!--')) {
        skipMisc()
        continue
      }
      if (startsWith('<')) {
        children.push(readElement())
        continue
      }
      const next = xml.indexOf('<', at)
      const end = next < 0 ? xml.length : next
      text += decode(xml.slice(at, end))
      at = end
    }
  }
  skipMisc()
  const root = readElement()
  skipMisc()
  if (at !== xml.length) fail('content after the root element')
  return root
}

/** Every descendant element with a name, in document order */
export const findAll = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)])
