/**
 * Shared pieces of the store tests: the backends to run against, a fresh repository on a controllable clock,
 * an instrumented client that counts commands and can simulate a crash, and generated check results.
 * @module
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import {
  createDynamoRepository,
  type DynamoRepositoryOptions,
} from '../../../core/store/dynamo-repository.ts'
import type { Repository } from '../../../core/store/repository.ts'
import type { CheckResult, CheckStatus } from '../../../core/suite/report-types.ts'
import type { DynamoBackend } from '../../support/dynamo/backend.ts'
import { startDynalite } from '../../support/dynamo/dynalite.ts'
import { dynamoDbLocalAvailable, startDynamoDbLocal } from '../../support/dynamo/dynamodb-local.ts'

/** A backend the store tests run against, and the size of its large run */
export interface BackendCase {
  readonly name: string
  readonly start: () => Promise<DynamoBackend>
  /** Checks in the "large run" test (smaller on the slower DynamoDB Local) */
  readonly largeRun: number
}

/** dynalite always; DynamoDB Local when java is on PATH and IAMSPEC_SKIP_DYNAMODB_LOCAL is not 1 */
export const backendCases = (): BackendCase[] => [
  { name: 'dynalite', start: () => startDynalite(), largeRun: 10_000 },
  ...(dynamoDbLocalAvailable()
    ? [{ name: 'dynamodb-local', start: () => startDynamoDbLocal(), largeRun: 2_000 }]
    : []),
]

/** A command the instrumented client saw */
export interface SeenCommand {
  readonly name: string
  readonly input: Record<string, unknown>
}

/** A client wrapper that records commands and can fail one, as if the process died before sending it */
export interface Instrumented {
  readonly client: DynamoDBDocumentClient
  readonly seen: SeenCommand[]
  /** The next command for which `when` is true throws instead of being sent */
  crashOn(when: (command: SeenCommand) => boolean): void
}

/** Wraps a document client */
export const instrument = (doc: DynamoDBDocumentClient): Instrumented => {
  const seen: SeenCommand[] = []
  let crash: ((command: SeenCommand) => boolean) | undefined
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const entry = { name: command.constructor.name, input: command.input }
    if (crash?.(entry)) {
      crash = undefined
      throw new Error('simulated crash')
    }
    seen.push(entry)
    return (doc.send as (c: unknown) => Promise<unknown>)(command)
  }
  const client = new Proxy(doc, {
    get: (target, prop, receiver) => (prop === 'send' ? send : Reflect.get(target, prop, receiver)),
  })
  return {
    client,
    seen,
    crashOn: (when) => {
      crash = when
    },
  }
}

/** A settable clock */
export interface Clock {
  readonly now: () => Date
  advance(ms: number): void
}

/** A clock starting at `start` */
export const makeClock = (start = '2026-03-01T12:00:00.000Z'): Clock => {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms
    },
  }
}

/** Everything a test needs: the repository, its instrumented client and its clock */
export interface Harness {
  readonly repo: Repository
  readonly io: Instrumented
  readonly clock: Clock
}

/** A repository over a backend's table */
export const makeHarness = (
  backend: DynamoBackend,
  tableName: string,
  options: Partial<Omit<DynamoRepositoryOptions, 'client' | 'tableName' | 'now'>> = {},
): Harness => {
  const io = instrument(backend.doc)
  const clock = makeClock()
  const repo = createDynamoRepository({ client: io.client, tableName, now: clock.now, ...options })
  return { repo, io, clock }
}

const STATUSES: readonly CheckStatus[] = ['passed', 'passed', 'passed', 'failed', 'passed', 'error', 'passed']

/** A realistic check result (about 700 bytes of JSON); status and divergence vary with `n` */
export const makeResult = (n: number, tag = 'a'): CheckResult => {
  const status = STATUSES[n % STATUSES.length]!
  const divergent = n % 11 === 0
  return {
    suite: 'payments',
    case: `case ${Math.floor(n / 10)} ${tag}`,
    principal: `arn:aws:iam::123456789012:role/service-role-${n % 37}`,
    action: `s3:${n % 2 === 0 ? 'GetObject' : 'PutObject'}`,
    resource: `arn:aws:s3:::payments-bucket-${n % 13}/reports/${n}.csv`,
    expected: status === 'passed' ? 'allowed' : 'denied',
    local: {
      decision: 'allowed',
      matchedStatements: [
        {
          policy: 'payments-read',
          sid: 'AllowReadReports',
          index: 0,
          effect: 'Allow',
          policyType: 'identity',
          position: { line: 12, column: 9, endLine: 24, endColumn: 10 },
        },
      ],
      missingContextKeys: ['aws:SourceVpce'],
    },
    aws: divergent
      ? { decision: 'implicitDeny', matchedStatements: [], missingContextKeys: [] }
      : { skipped: 'the simulator cannot model a session policy here' },
    status,
    ...(status === 'error' ? { message: 'the aws engine failed: `Throttling`' } : {}),
    divergent,
    ...(divergent ? { divergenceCause: 'simulator ignores resource policies for this service' } : {}),
  }
}

/** `count` results numbered from `from` */
export const makeResults = (from: number, count: number, tag = 'a'): CheckResult[] =>
  Array.from({ length: count }, (_, i) => makeResult(from + i, tag))

/** A small valid suite text */
export const suiteBody = (id: string, marker = 'v1'): string =>
  `suite: ${id}\ndescription: ${marker}\ncases:\n  - name: read\n    principal: reader\n    action: s3:GetObject\n    resource: arn:aws:s3:::b/k\n    expect: allowed\n`

/** Collects every page of a paged listing */
export const collectAll = async <T>(
  list: (cursor: string | undefined) => Promise<{ items: readonly T[]; cursor?: string }>,
): Promise<{ items: T[]; pages: number }> => {
  const items: T[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = await list(cursor)
    items.push(...page.items)
    cursor = page.cursor
    pages += 1
  } while (cursor !== undefined)
  return { items, pages }
}
