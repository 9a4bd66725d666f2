/**
 * A local IAM endpoint for tests and benchmarks: a node:http server on 127.0.0.1 that speaks the AWS
 * Query protocol as IAM does (form-encoded POST, XML in IAM's namespace, ErrorResponse with HTTP 400
 * for Throttling and InvalidInput, 404 for NoSuchEntity, 500 for PolicyEvaluation and ServiceFailure).
 * It answers the simulator from a programmable decision table (or the local evaluator), serves an
 * account, can be told to fail the next N calls, adds latency, and records every call's parameters.
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseAccountSnapshot, snapshotResolver } from '../../../core/aws/snapshot/index.ts'
import type { Decision } from '../../../core/evaluator/index.ts'
import type { AccountResolver } from '../../../core/suite/index.ts'
import {
  type AccountDetails,
  authorizationDetailsPage,
  getEntity,
  getPolicy,
  getPolicyVersion,
} from './account.ts'
import { parseQuery, type QueryParams, str } from './query-params.ts'
import { simulationPage } from './simulate.ts'
import {
  type DecisionRule,
  isFailure,
  type QueryFailure,
  type ResponseShape,
  readSimulationRequest,
} from './simulate-request.ts'
import { errorXml, responseXml } from './xml.ts'

/** What the endpoint starts with */
export interface IamEndpointOptions {
  readonly shape?: ResponseShape
  /** The account (authorization-details, CLI form) for GetAccountAuthorizationDetails and SimulatePrincipalPolicy */
  readonly account?: AccountDetails
  /** Managed policies served by GetPolicy/GetPolicyVersion only (AWS managed policies nobody attached) */
  readonly extraPolicies?: readonly Record<string, unknown>[]
  readonly rules?: readonly DecisionRule[]
  readonly fallback?: 'local' | Decision
  /** Milliseconds added to every call */
  readonly latencyMs?: number
  /** The most items a page holds whatever MaxItems asks; default 1,000 */
  readonly pageCap?: number
}

/** Settings a test may change between calls */
export interface IamEndpointSettings {
  shape: ResponseShape
  fallback: 'local' | Decision
  latencyMs: number
  pageCap: number
  /** Checked in order; the first match answers */
  rules: DecisionRule[]
}

/** One call as the endpoint received it */
export interface RecordedCall {
  readonly action: string
  readonly params: QueryParams
  readonly status: number
  readonly code?: string
}

/** A failure to inject */
export interface InjectedFailure {
  readonly status?: number
  readonly code?: string
  readonly message?: string
  /** Only calls of this action fail (default: any) */
  readonly action?: string
}

/** A running endpoint */
export interface IamEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly settings: IamEndpointSettings
  /** Every call, in arrival order */
  readonly calls: RecordedCall[]
  /** The calls of one action */
  callsTo(action: string): RecordedCall[]
  /** The next `count` matching calls fail (Infinity: all of them); default: Throttling, HTTP 400 */
  failNext(count: number, failure?: InjectedFailure): void
  /** Replaces the account */
  setAccount(account: AccountDetails): void
  /** The most calls that were in progress at once */
  maxInFlight(): number
  /** Forgets calls, failures and the in-flight maximum */
  reset(): void
  close(): Promise<void>
}

const STATUS_OF: Readonly<Record<string, number>> = {
  Throttling: 400,
  InvalidInput: 400,
  MalformedPolicyDocument: 400,
  NoSuchEntity: 404,
  PolicyEvaluation: 500,
  ServiceFailure: 500,
  ServiceUnavailable: 503,
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts an endpoint on 127.0.0.1 and a free port */
export const startIamEndpoint = async (options: IamEndpointOptions = {}): Promise<IamEndpoint> => {
  const settings: IamEndpointSettings = {
    shape: options.shape ?? 'current',
    fallback: options.fallback ?? 'local',
    latencyMs: options.latencyMs ?? 0,
    pageCap: options.pageCap ?? 1_000,
    rules: [...(options.rules ?? [])],
  }
  let account: AccountDetails = options.account ?? {}
  let resolver: AccountResolver | undefined
  const extra = options.extraPolicies ?? []
  const calls: RecordedCall[] = []
  const failures: { remaining: number; failure: InjectedFailure }[] = []
  let inFlight = 0
  let maxInFlight = 0
  let requests = 0
  const cache = new Map<string, Record<string, unknown>[] | QueryFailure>()

  const accountResolver = (): AccountResolver => {
    if (!resolver) {
      const withExtra = { ...account, Policies: [...(account.Policies ?? []), ...extra] }
      const parsed = parseAccountSnapshot(JSON.stringify(withExtra), 'endpoint account')
      if (!parsed.ok)
        throw new Error(
          `the endpoint's account is invalid: ${parsed.issues.map((i) => i.message).join('; ')}`,
        )
      resolver = snapshotResolver(parsed.value)
    }
    return resolver
  }

  const answer = (action: string, params: QueryParams): Record<string, unknown> | QueryFailure => {
    const simulation = { ...settings, account: accountResolver(), cache }
    switch (action) {
      case 'SimulatePrincipalPolicy':
      case 'SimulateCustomPolicy': {
        const request = readSimulationRequest(action, params)
        return isFailure(request) ? request : simulationPage(request, simulation)
      }
      case 'GetAccountAuthorizationDetails':
        return authorizationDetailsPage(account, params, settings.pageCap)
      case 'GetPolicy':
        return getPolicy(account, extra, params)
      case 'GetPolicyVersion':
        return getPolicyVersion(account, extra, params)
      case 'GetUser':
        return getEntity(account, 'User', params)
      case 'GetRole':
        return getEntity(account, 'Role', params)
      default:
        return {
          status: 400,
          code: 'InvalidAction',
          message: `The action ${action} is not valid for this web service.`,
        }
    }
  }

  const injected = (action: string): QueryFailure | undefined => {
    const entry = failures.find(
      (f) => f.remaining > 0 && (f.failure.action === undefined || f.failure.action === action),
    )
    if (!entry) return undefined
    entry.remaining--
    const code = entry.failure.code ?? 'Throttling'
    return {
      status: entry.failure.status ?? STATUS_OF[code] ?? 400,
      code,
      message: entry.failure.message ?? (code === 'Throttling' ? 'Rate exceeded' : `injected ${code}`),
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    const requestId = `req-${String(++requests).padStart(6, '0')}`
    try {
      const body = await readBody(req)
      const params = parseQuery(body)
      const action = str(params.Action) ?? ''
      if (settings.latencyMs > 0) await sleep(settings.latencyMs)
      let result: Record<string, unknown> | QueryFailure
      if (req.method !== 'POST') result = { status: 405, code: 'InvalidAction', message: 'use POST' }
      else if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '))
        result = {
          status: 403,
          code: 'MissingAuthenticationToken',
          message: 'Request is missing Authentication Token',
        }
      else if (str(params.Version) !== '2010-05-08')
        result = { status: 400, code: 'InvalidAction', message: `unknown version ${str(params.Version)}` }
      else result = injected(action) ?? answer(action, params)
      if (isFailure(result)) {
        calls.push({ action, params, status: result.status, code: result.code })
        res.writeHead(result.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
        res.end(
          errorXml(result.status >= 500 ? 'Receiver' : 'Sender', result.code, result.message, requestId),
        )
      } else {
        calls.push({ action, params, status: 200 })
        res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
        res.end(responseXml(action, result, requestId))
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/xml' })
      res.end(
        errorXml(
          'Receiver',
          'ServiceFailure',
          error instanceof Error ? error.message : String(error),
          requestId,
        ),
      )
    } finally {
      inFlight--
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    settings,
    calls,
    callsTo: (action) => calls.filter((c) => c.action === action),
    failNext: (count, failure = {}) => {
      failures.push({ remaining: count, failure })
    },
    setAccount: (next) => {
      account = next
      resolver = undefined
      cache.clear()
    },
    maxInFlight: () => maxInFlight,
    reset: () => {
      calls.length = 0
      failures.length = 0
      maxInFlight = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
