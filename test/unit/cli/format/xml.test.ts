import { describe, expect, it } from 'vitest'
import {
  escapeXmlAttribute,
  escapeXmlText,
  stripNonXmlChars,
  xmlAttributes,
} from '../../../../cli/format/xml.ts'

describe('escapeXmlText', () => {
  it.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['"quotes" stay', '"quotes" stay'],
    [']]> is harmless', ']]&gt; is harmless'],
    ['&amp; is escaped again', '&amp;amp; is escaped again'],
  ])('escapes %j when writing text', (input, output) => {
    expect(escapeXmlText(input)).toBe(output)
  })
})

describe('escapeXmlAttribute', () => {
  it('escapes quotes, apostrophes and whitespace when writing an attribute', () => {
    expect(escapeXmlAttribute(`say "hi" & 'bye'\n\tnext\r`)).toBe(
      'say &quot;hi&quot; &amp; &apos;bye&apos;&#10;&#9;next&#13;',
    )
  })
})

describe('stripNonXmlChars', () => {
  it('drops control characters, lone surrogates and U+FFFE/U+FFFF when XML cannot hold them', () => {
    expect(stripNonXmlChars('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFF')).toBe('abcde')
    expect(stripNonXmlChars('x\uD800y\uDC00z')).toBe('xyz')
  })

  it('keeps tabs, newlines, non-ASCII text and surrogate pairs when they are valid', () => {
    const text = 'tab\there\nnew line, café, 日本, 😀'
    expect(stripNonXmlChars(text)).toBe(text)
  })
})

describe('xmlAttributes', () => {
  it('writes attributes in order and skips them when undefined', () => {
    expect(xmlAttributes({ name: 'a<b', tests: 3, file: undefined })).toBe(' name="a&lt;b" tests="3"')
  })
})
