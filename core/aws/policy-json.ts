/**
 * The JSON text of a policy as the simulator is given it: the text the suite loaded (SuitePolicy's
 * `source`), else the document written back from its parsed form (policies resolved from an account).
 * @module
 */
import { decodePolicyDocumentText } from '../policy/index.ts'
import type { NamedPolicy } from '../policy/types.ts'
import { policyDocumentToJson } from './snapshot/index.ts'

/** The policy text to send: the loaded source when there is one, else the rebuilt document */
export const policyJson = (policy: NamedPolicy): string => {
  const source = (policy as { readonly source?: unknown }).source
  if (typeof source === 'string' && source.trim() !== '') return decodePolicyDocumentText(source)
  return JSON.stringify(policyDocumentToJson(policy.document))
}
