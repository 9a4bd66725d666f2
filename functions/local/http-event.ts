/**
 * Converting between node:http and API Gateway v2 (payload format 2.0): a request under `/api` becomes
 * the event API Gateway would send (path without `/api`, lower-cased headers, base64 for binary bodies),
 * and the handler's result is written back.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * @module
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiEvent, ApiResult } from '../http/types.ts'

const TEXT_TYPE = /^(text\/|application\/(json|yaml|x-yaml|xml|x-www-form-urlencoded|[\w.-]+\+json)\b)/i

/** Builds the API Gateway v2 event of a request; `path` is the path without the `/api` prefix */
export const toApiEvent = (
  req: IncomingMessage,
  target: { readonly path: string; readonly query: string },
  body: Buffer,
  apiId: string,
): ApiEvent => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value
  }
  const cookies = headers.cookie ? headers.cookie.split(/;\s*/).filter(Boolean) : undefined
  const queryStringParameters: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(target.query)) {
    queryStringParameters[k] = k in queryStringParameters ? `${queryStringParameters[k]},${v}` : v
  }
  const binary = body.length > 0 && !TEXT_TYPE.test(headers['content-type'] ?? '')
  const now = new Date()
  const method = (req.method ?? 'GET').toUpperCase()
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: target.path,
    rawQueryString: target.query,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(target.query ? { queryStringParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId,
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method,
        path: target.path,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: binary ? body.toString('base64') : body.toString('utf8') } : {}),
    isBase64Encoded: binary,
  }
}

/** Writes a handler's result as the HTTP response */
export const writeApiResult = (res: ServerResponse, result: ApiResult | undefined, head: boolean): void => {
  const status = result?.statusCode ?? 200
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(result?.headers ?? {})) headers[k.toLowerCase()] = String(v)
  const body =
    result?.body === undefined
      ? Buffer.alloc(0)
      : result.isBase64Encoded
        ? Buffer.from(result.body, 'base64')
        : Buffer.from(result.body, 'utf8')
  headers['content-length'] = String(body.length)
  if (result?.cookies?.length) res.setHeader('set-cookie', result.cookies)
  res.writeHead(status, headers)
  res.end(head ? undefined : body)
}
