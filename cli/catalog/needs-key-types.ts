/**
 * Whether a run needs the condition-key catalog: only when some context value's type is not forced
 * (`{ type, value }`), since that is all the catalog is used for when running.
 * @module
 */
import type { ContextSpec, LoadedSuite } from '../../core/suite/index.ts'

const untyped = (context: ContextSpec): boolean =>
  [...context.values()].some((entry) => entry !== null && entry.forcedType === undefined)

/** True when some suite, case or hop context has a value whose type comes from the catalog */
export const needsKeyTypes = (suites: readonly LoadedSuite[]): boolean =>
  suites.some(
    (s) =>
      untyped(s.context) || s.cases.some((c) => untyped(c.context) || c.via.some((h) => untyped(h.context))),
  )
