/**
 * A check: one (principal, action, resource, context) request a case expands into, with everything
 * an engine needs to decide it, and a stable id.
 * @module
 */

import type { AssumeRoleHop, Identity, ResourceModel } from '../evaluator/model.ts'
import type { RequestContext } from '../evaluator/types.ts'
import type { Expectation } from './types.ts'

/** One hop of a check's role chain */
export interface CheckHop {
  /** The role's ARN */
  readonly roleArn: string
  /** The principal key, when the hop named one */
  readonly name?: string
  /** Undefined when the role could not be resolved (see Check.unresolved) */
  readonly hop: AssumeRoleHop | undefined
}

/** One request to decide */
export interface Check {
  /** Stable id: the same suite, case, action and resource always give the same id */
  readonly id: string
  readonly suite: string
  readonly case: string
  /** The case's position in the suite */
  readonly caseIndex: number
  /** The principal as reported: its ARN (a role's ARN, not its session's), or `anonymous` */
  readonly principal: string
  /** The principal's key in `principals`, when it has one */
  readonly principalName?: string
  /** Where the principal's policies come from: the suite, or the account (no `policies` given) */
  readonly policySource: 'suite' | 'account'
  readonly action: string
  readonly resource: string
  readonly expected: Expectation
  /** The case's request context (suite context merged with the case's) */
  readonly context: RequestContext
  /** Undefined when something could not be resolved locally (see `unresolved`) */
  readonly identity: Identity | undefined
  readonly resourceModel: ResourceModel | undefined
  /** The role chain walked before the request; empty without `via` */
  readonly via: readonly CheckHop[]
  /** Why the local evaluator cannot decide this check (an unresolvable principal or policy) */
  readonly unresolved?: string
}

const fnv1a = (text: string, seed: number): number => {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** A check's id: a 16-hex-digit hash of suite, case, action, resource (and occurrence when repeated) */
export const checkId = (
  suite: string,
  caseName: string,
  action: string,
  resource: string,
  occurrence = 0,
): string => {
  const text = [suite, caseName, action, resource, ...(occurrence > 0 ? [String(occurrence)] : [])].join(
    '\u0000',
  )
  return (
    fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') +
    fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0')
  )
}
