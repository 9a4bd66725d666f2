/**
 * Writing AWS Query responses as IAM does: `<ActionResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">`
 * around `<ActionResult>` and `<ResponseMetadata><RequestId>`, lists as `<member>` elements, maps as
 * `<entry><key>…</key><value>…</value></entry>`, and errors as `<ErrorResponse><Error>…</Error><RequestId>`.
 * @module
 */

/** IAM's XML namespace */
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/'

/** Members written as maps rather than structures */
const MAP_MEMBERS = new Set(['EvalDecisionDetails'])

/** Escapes text for XML content */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

/** One element for a JSON-like value (undefined and null write nothing) */
export const element = (name: string, value: unknown): string => {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element('member', v)).join('')}</${name}>`
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    const body = MAP_MEMBERS.has(name)
      ? entries
          .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${escapeXml(String(v))}</value></entry>`)
          .join('')
      : entries.map(([k, v]) => element(k, v)).join('')
    return `<${name}>${body}</${name}>`
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

/** A successful response */
export const responseXml = (
  action: string,
  result: Record<string, unknown> | undefined,
  requestId: string,
): string =>
  `<${action}Response xmlns="${IAM_NAMESPACE}">` +
  (result ? element(`${action}Result`, result) : '') +
  `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`

/** An error response */
export const errorXml = (
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string,
): string =>
  `<ErrorResponse xmlns="${IAM_NAMESPACE}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
  `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
