/**
 * Helpers for the AWS engine's unit tests: checks from YAML suites, a catalog stand-in.
 * @module
 */
import type { KeyInfoLookup } from '../../../../core/aws/context-entries.ts'
import { type AccountResolver, type Check, expandSuite, loadSuite } from '../../../../core/suite/index.ts'

/** Expands YAML suite text into checks; throws with the issues when it does not load */
export const checksOf = (text: string, resolver?: AccountResolver): readonly Check[] => {
  const result = loadSuite(text, { fileName: 'suite.yaml', readFile: () => undefined })
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return expandSuite(result.value, { resolver }).checks
}

/** A catalog that knows no key */
export const NO_CATALOG: KeyInfoLookup = () => undefined

/** An identity policy document allowing everything, as YAML flow text */
export const ALLOW_ALL =
  '{ Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }'
