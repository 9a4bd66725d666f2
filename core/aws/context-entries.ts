/**
 * The request context as simulator ContextEntries: every key the local evaluator used (derived keys
 * included), typed from the condition-key catalog (else the type the suite gave, else string), with
 * the list form for multivalued keys. An empty list is sent as a present key with no values.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html
 * @module
 */
import type { ContextEntry, ContextKeyTypeEnum } from '@aws-sdk/client-iam'
import type { ConditionKeyInfo } from '../catalog/types.ts'
import type { ContextValueType, RequestContext } from '../evaluator/types.ts'

/** Looks a condition key up in the catalog */
export type KeyInfoLookup = (key: string) => ConditionKeyInfo | undefined

/** The simulator's scalar context types (no `arn`: ARN keys are strings to the simulator) */
type ScalarType = 'string' | 'numeric' | 'boolean' | 'ip' | 'binary' | 'date'

const scalarOf = (type: ContextValueType | undefined): ScalarType =>
  type === undefined || type === 'arn' ? 'string' : type

/** The ContextKeyType for a value type and arity */
export const contextKeyType = (type: ContextValueType | undefined, multi: boolean): ContextKeyTypeEnum =>
  (multi ? `${scalarOf(type)}List` : scalarOf(type)) as ContextKeyTypeEnum

/** The key as AWS spells it: the catalog's spelling, the tag key's own case (when known) after a tag prefix */
export const spellKey = (
  key: string,
  info: ConditionKeyInfo | undefined,
  tagKeys: ReadonlyMap<string, string>,
): string => {
  const catalog = info?.key
  if (!catalog) return key
  const template = catalog.indexOf('${')
  if (template < 0) return catalog.toLowerCase() === key.toLowerCase() ? catalog : key
  const prefix = catalog.slice(0, template)
  if (!key.toLowerCase().startsWith(prefix.toLowerCase())) return key
  const rest = key.slice(prefix.length)
  return prefix + (tagKeys.get(rest.toLowerCase()) ?? rest)
}

/** Builds the ContextEntries of a request context, sorted by key */
export const toContextEntries = (
  context: RequestContext,
  lookup: KeyInfoLookup,
  tagKeys: ReadonlyMap<string, string> = new Map(),
): ContextEntry[] => {
  const entries: ContextEntry[] = []
  for (const [key, value] of context) {
    const info = lookup(key)
    const multi = info?.multi === true || value.multi
    entries.push({
      ContextKeyName: spellKey(key, info, tagKeys),
      ContextKeyType: contextKeyType(info?.type ?? value.type, multi),
      ContextKeyValues: [...value.values],
    })
  }
  return entries.sort((a, b) => (a.ContextKeyName! < b.ContextKeyName! ? -1 : 1))
}
