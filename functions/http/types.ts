/**
 * The HTTP types of the API: API Gateway v2 (payload format 2.0) events and results, and the
 * response helpers every route uses.
 * @module
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'

/** A request as API Gateway (or the local server) delivers it */
export type ApiEvent = APIGatewayProxyEventV2

/** A response */
export type ApiResult = APIGatewayProxyStructuredResultV2

/** Who is calling, once authenticated */
export type Caller = { readonly kind: 'team'; readonly teamId: string } | { readonly kind: 'admin' }

/** The Lambda context, plus the caller set by the auth middleware */
export type ApiContext = Context & { caller?: Caller }

/** A JSON response */
export const json = (statusCode: number, body: unknown): ApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** An empty response */
export const noContent = (): ApiResult => ({ statusCode: 204, headers: {} })
