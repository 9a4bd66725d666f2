/**
 * The policy linter: warnings about documents that are valid but probably not what their author
 * meant (unknown names, size quotas, wildcards broader than they look).
 * @module
 */
import type { IamCatalog } from '../../catalog/types.ts'
import type { Issue } from '../issue.ts'
import type { PolicyDocument } from '../types.ts'
import { lintBroadWildcards } from './broad-wildcard.ts'
import { locator } from './locate.ts'
import { lintSize } from './size-quota.ts'
import type { LintSource } from './types.ts'
import { lintActions, lintConditionKeys } from './unknown-names.ts'

/**
 * Lints one validated document; every finding is a warning. Size quotas need `source.text`; unknown
 * actions and condition keys need the catalog. Findings come in document order within each rule
 */
export const lintPolicy = (doc: PolicyDocument, source: LintSource, catalog?: IamCatalog): Issue[] => {
  const loc = locator(doc, source.text)
  return [
    ...lintSize(source, doc.span),
    ...(catalog ? lintActions(doc, loc, catalog) : []),
    ...(catalog ? lintConditionKeys(doc, loc, catalog) : []),
    ...lintBroadWildcards(doc, source.kind, loc),
  ]
}
