/**
 * The stack the dashboard talks to in tests: the local server (startLocalServer on port 0, a temp data
 * dir, the examples seeded) with its AWS engine pointed at the local IAM endpoint, whose decision rules
 * let a test make the engines disagree on purpose.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAwsEngine, createIamClient } from '../../../../core/aws/index.ts'
import { startLocalServer } from '../../../../functions/local/server.ts'
import { type DecisionRule, startIamEndpoint } from '../../../support/iam-endpoint/index.ts'

/** A running stack */
export interface Stack {
  readonly url: string
  /** The default team's token (from `<dataDir>/team-token`) */
  readonly token: string
  readonly dataDir: string
  close(): Promise<void>
}

/** How to start the stack */
export interface StackOptions {
  /** Simulator answers that differ from the local evaluator; without rules there is no AWS engine */
  readonly awsRules?: readonly DecisionRule[]
  readonly seedExamples?: boolean
}

const CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' }

/** Starts the IAM endpoint (when rules are given) and the local server */
export const startStack = async (options: StackOptions = {}): Promise<Stack> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iamspec-web-'))
  const endpoint = options.awsRules
    ? await startIamEndpoint({ rules: options.awsRules, fallback: 'local' })
    : undefined
  const client = endpoint ? createIamClient({ endpoint: endpoint.url, credentials: CREDENTIALS }) : undefined
  const server = await startLocalServer({
    port: 0,
    dataDir,
    seedExamples: options.seedExamples ?? true,
    log: () => {},
    ...(client ? { awsEngine: () => createAwsEngine({ client }) } : {}),
  })
  const token = readFileSync(join(dataDir, 'team-token'), 'utf8').trim()
  return {
    url: server.url,
    token,
    dataDir,
    close: async () => {
      await server.close()
      client?.destroy()
      await endpoint?.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
