/**
 * Configuration of the Lambdas, in one place: each value comes from an environment variable, or else
 * from the SST link (`SST_RESOURCE_<Name>` JSON, which is what `Resource.<Name>` reads), or else from
 * `Resource` itself, imported lazily so that nothing here touches `sst` in local mode or in tests.
 * https://sst.dev/docs/reference/sdk/#resource
 * @module
 */
import { FUNCTION_ENV, RESOURCE_NAMES } from '../../infra/resource-names.ts'

/** Names of the SST resources the functions may read (the same names infra/ gives its components) */
export const SST_RESOURCES = {
  table: RESOURCE_NAMES.table,
  runQueue: RESOURCE_NAMES.runQueue,
  adminTokenHash: RESOURCE_NAMES.adminTokenHash,
} as const

/** Environment variables that set the config (infra/ sets them; they win over SST links) */
export const CONFIG_ENV = FUNCTION_ENV

type Linked = Readonly<Record<string, unknown>>

/** Reads a linked resource from its `SST_RESOURCE_<Name>` variable, or from the `sst` SDK */
const linked = async (name: string): Promise<Linked | undefined> => {
  const raw = process.env[`SST_RESOURCE_${name}`]
  if (raw) {
    try {
      const value: unknown = JSON.parse(raw)
      if (typeof value === 'object' && value !== null) return value as Linked
    } catch {
      // fall through to the SDK
    }
  }
  try {
    // A variable specifier: neither tsc nor a bundler follows it, so `sst` is only loaded on AWS
    const specifier = 'sst'
    const sdk = (await import(specifier)) as { Resource?: Record<string, unknown> }
    const resource = sdk.Resource?.[name]
    return typeof resource === 'object' && resource !== null ? (resource as Linked) : undefined
  } catch {
    return undefined
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/** The DynamoDB table's name */
export const tableName = async (): Promise<string> => {
  const name = text(process.env[CONFIG_ENV.tableName]) ?? text((await linked(SST_RESOURCES.table))?.name)
  if (!name) throw new Error(`no table configured: set ${CONFIG_ENV.tableName} or link \`Table\``)
  return name
}

/** The run queue's URL */
export const runQueueUrl = async (): Promise<string> => {
  const url = text(process.env[CONFIG_ENV.runQueueUrl]) ?? text((await linked(SST_RESOURCES.runQueue))?.url)
  if (!url) throw new Error(`no run queue configured: set ${CONFIG_ENV.runQueueUrl} or link \`RunQueue\``)
  return url
}

/**
 * The sha256 hex of the admin token, from the environment or the `AdminTokenHash` secret; undefined when
 * neither is set (the admin routes then refuse everyone)
 */
export const adminTokenHash = async (): Promise<string | undefined> => {
  const hash =
    text(process.env[CONFIG_ENV.adminTokenHash]) ?? text((await linked(SST_RESOURCES.adminTokenHash))?.value)
  return hash?.trim().toLowerCase()
}

/** How long a run may stay queued or running before the sweeper fails it */
export const runDeadlineMs = (fallback: number): number => {
  const minutes = Number(process.env[CONFIG_ENV.runDeadlineMinutes])
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : fallback
}
