/**
 * The public API of core/policy/lint: warnings for valid policies that are probably wrong.
 * @module
 */
export { lintBroadWildcards } from './broad-wildcard.ts'
export { lintPolicy } from './lint-policy.ts'
export { type ListElement, type Locator, locator, type Place } from './locate.ts'
export { lintInlineTotal, lintSize, utf8Length } from './size-quota.ts'
export type { InlineEntityKind, LintSource, PolicyAttachment } from './types.ts'
export { lintActions, lintConditionKeys } from './unknown-names.ts'
