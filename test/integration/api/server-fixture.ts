/**
 * Test support for the API over real HTTP: a local server on port 0 with a temporary data directory,
 * a small fetch client, and suite texts.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type LocalServer,
  type LocalServerOptions,
  startLocalServer,
} from '../../../functions/local/server.ts'

/** A started server with its data directory and tokens */
export interface TestServer {
  readonly server: LocalServer
  readonly url: string
  readonly dataDir: string
  readonly adminToken: string
  readonly teamToken: string
  /** Stops the server (the data directory stays until `dispose`) */
  stop(): Promise<void>
  /** Stops the server and removes the data directory */
  dispose(): Promise<void>
}

/** Starts a local server on 127.0.0.1:0 with a fresh (or given) data directory */
export const startTestServer = async (
  options: Partial<LocalServerOptions> & { readonly dataDir?: string } = {},
): Promise<TestServer> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'iamspec-api-'))
  const server = await startLocalServer({
    seedExamples: false,
    log: () => undefined,
    ...options,
    port: 0,
    dataDir,
  })
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const teamToken = readFileSync(join(dataDir, 'team-token'), 'utf8').trim()
  return {
    server,
    url: server.url,
    dataDir,
    adminToken,
    teamToken,
    stop: () => server.close(),
    dispose: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A response: status, parsed JSON body (or undefined), headers */
export interface Answer<T = unknown> {
  readonly status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  readonly body: T extends unknown ? any : T
  readonly headers: Headers
}

/** Calls the API: `path` under /api; `body` a string is sent as is, anything else as JSON */
export const call = async (
  base: string,
  method: string,
  path: string,
  options: {
    readonly token?: string
    readonly body?: unknown
    readonly type?: string
    readonly headers?: Record<string, string>
  } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] =
      options.type ?? (typeof options.body === 'string' ? 'application/yaml' : 'application/json')
  }
  const res = await fetch(`${base}/api${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = text
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

/** A client bound to a server and a token */
export const client = (base: string, token?: string) => ({
  get: (path: string) => call(base, 'GET', path, { token }),
  post: (path: string, body?: unknown, type?: string) => call(base, 'POST', path, { token, body, type }),
  put: (path: string, body: unknown, type?: string, headers?: Record<string, string>) =>
    call(base, 'PUT', path, { token, body, type, headers }),
  del: (path: string) => call(base, 'DELETE', path, { token }),
})

/** Polls a run until it is completed or failed */
export const waitForRun = async (
  api: ReturnType<typeof client>,
  runId: string,
  timeoutMs = 60_000,
): Promise<Answer> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const answer = await api.get(`/runs/${runId}`)
    if (answer.status !== 200) return answer
    if (answer.body.status === 'completed' || answer.body.status === 'failed') return answer
    if (Date.now() > until) throw new Error(`run ${runId} still ${answer.body.status} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Creates a team and a token for it through the admin routes */
export const newTeam = async (srv: TestServer, name: string): Promise<string> => {
  const admin = client(srv.url, srv.adminToken)
  const team = await admin.post('/admin/teams', { name })
  const token = await admin.post(`/admin/teams/${team.body.id}/tokens`, { name: `${name} token` })
  return token.body.token as string
}
