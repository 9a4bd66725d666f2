/**
 * Explaining one stored check in the browser: the stored results carry no trace, so the suite version
 * the run used is loaded again (core/suite is pure), expanded, the check found, and decided again by
 * the local evaluator with the full trace. Also lists the suite's policy documents with the lines of
 * each statement, so matched statements can be shown in place. Loaded on demand (core is heavy).
 * @module
 */

import { DIVERGENCE_CAUSES } from '../../../core/aws/divergence-causes.ts'
import { CONDITION_REASONS } from '../../../core/evaluator/conditions/index.ts'
import { REASONS } from '../../../core/evaluator/index.ts'
import {
  type CheckResult,
  expandSuite,
  type LoadedPolicyRef,
  type LoadedSuite,
  loadSuite,
} from '../../../core/suite/index.ts'
import { type TracedCheck, traceCheck } from '../../../core/suite/trace-check.ts'

/** A statement's place in the suite text */
export interface StatementLines {
  readonly index: number
  readonly sid: string | undefined
  readonly effect: 'Allow' | 'Deny'
  readonly line: number
  readonly endLine: number
}

/** A policy document of the suite and where its lines are */
export interface PolicyLines {
  readonly name: string
  /** Where it is attached, for people: `reader · identity`, `data-bucket · resource`, `SCP root` */
  readonly where: string
  /** The principal it belongs to, when it is a principal's own identity policy */
  readonly principal?: string
  readonly line: number
  readonly endLine: number
  readonly statements: readonly StatementLines[]
}

/** The explanation of a check, or why there is none */
export type CheckExplanation =
  | { readonly ok: false; readonly message: string; readonly policies: readonly PolicyLines[] }
  | {
      readonly ok: true
      readonly traced: TracedCheck
      readonly policies: readonly PolicyLines[]
      /** The principal's key in the suite, when it has one */
      readonly principalName?: string
    }

const linesOf = (ref: LoadedPolicyRef | undefined, where: string, principal?: string): PolicyLines[] => {
  if (ref?.kind !== 'document') return []
  const { document, name } = ref.policy
  if (document.span.line <= 0) return []
  return [
    {
      name,
      where,
      principal,
      line: document.span.line,
      endLine: document.span.endLine,
      statements: document.statements.map((s) => ({
        index: s.index,
        sid: s.sid,
        effect: s.effect,
        line: s.span.line,
        endLine: s.span.endLine,
      })),
    },
  ]
}

/** Every policy document written in the suite, in the order they appear */
export const suitePolicies = (suite: LoadedSuite): PolicyLines[] => {
  const out: PolicyLines[] = []
  for (const p of suite.principals.values()) {
    for (const ref of p.policies ?? []) out.push(...linesOf(ref, `${p.name} · identity`, p.name))
    out.push(...linesOf(p.permissionsBoundary, `${p.name} · permissions boundary`))
    out.push(...linesOf(p.sessionPolicy, `${p.name} · session policy`))
    out.push(...linesOf(p.trustPolicy, `${p.name} · trust policy`))
  }
  for (const g of suite.groups.values())
    for (const ref of g.policies) out.push(...linesOf(ref, `group ${g.name}`))
  for (const r of suite.resources) out.push(...linesOf(r.policy, `${r.name} · resource policy`))
  for (const level of suite.organization?.scps ?? [])
    for (const ref of level.policies) out.push(...linesOf(ref, `SCP · ${level.level}`))
  for (const level of suite.organization?.rcps ?? [])
    for (const ref of level.policies) out.push(...linesOf(ref, `RCP · ${level.level}`))
  return out.sort((a, b) => a.line - b.line)
}

const sameCheck = (
  a: CheckResult,
  b: { case: string; principal: string; action: string; resource: string },
) => a.case === b.case && a.principal === b.principal && a.action === b.action && a.resource === b.resource

/**
 * Decides `results[n]` again from the suite text `body` with the full trace. `results` are the run's
 * results in order: a case that names the same action and resource twice gives two checks, told
 * apart by their order.
 */
export const explainCheck = (
  body: string,
  format: 'yaml' | 'json',
  results: readonly CheckResult[],
  n: number,
): CheckExplanation => {
  const result = results[n]
  const loaded = loadSuite(body, { fileName: `suite.${format}`, format })
  if (!loaded.ok) {
    return {
      ok: false,
      message: 'the suite version this run used no longer loads in this browser',
      policies: [],
    }
  }
  const policies = suitePolicies(loaded.value)
  if (!result) return { ok: false, message: 'no such check in this run', policies }
  let occurrence = 0
  for (let i = 0; i < n; i++) if (sameCheck(results[i]!, result)) occurrence++
  const candidates = expandSuite(loaded.value).checks.filter(
    (c) =>
      c.case === result.case &&
      c.principal === result.principal &&
      c.action === result.action &&
      c.resource === result.resource,
  )
  const check = candidates[occurrence] ?? candidates[0]
  if (!check) return { ok: false, message: 'the check was not found in its suite version', policies }
  const traced = traceCheck(check, 'full')
  if ('error' in traced) return { ok: false, message: traced.error, policies }
  return { ok: true, traced, policies, principalName: check.principalName }
}

/** The one-line explanation of a known divergence cause, when the code is known */
export const divergenceCauseText = (code: string): string | undefined =>
  (DIVERGENCE_CAUSES as Record<string, string>)[code]

/** The sentence a reason code stands for */
export const reasonText = (code: string): string =>
  (REASONS as Record<string, string>)[code] ?? (CONDITION_REASONS as Record<string, string>)[code] ?? code
