/**
 * The run report (suite-format.md, "The run report"): what the CLI prints with `--format json`, the
 * API returns and the store keeps. Field names and meanings are the contract; keep them exact.
 * @module
 */
import type { Decision, PolicyType } from '../evaluator/types.ts'
import type { Expectation } from './types.ts'

/** A 1-based source range (end exclusive) of a statement in its suite or policy file */
export interface StatementPosition {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

/** A statement that decided the outcome */
export interface ReportedStatement {
  /** The policy's name (its `name`, its file path as written, or its place in the suite) */
  readonly policy: string
  readonly sid: string | null
  /** The statement's index in its policy */
  readonly index: number
  readonly effect: 'Allow' | 'Deny'
  readonly policyType?: PolicyType
  readonly position?: StatementPosition
}

/** Which hop of a via chain refused the AssumeRole */
export interface HopRefusal {
  /** The hop's index in `via` */
  readonly index: number
  /** The role's ARN */
  readonly role: string
  /** The action that was refused: `sts:AssumeRole`, or `sts:TagSession` / `sts:SetSourceIdentity` */
  readonly action: string
}

/** An engine's decision on one check */
export interface EngineDecision {
  readonly decision: Decision
  readonly matchedStatements: readonly ReportedStatement[]
  readonly missingContextKeys: readonly string[]
  /** Set when a via hop was refused: the decision is that hop's */
  readonly hop?: HopRefusal
}

/** An engine that cannot model a check (the AWS simulator with a role chain, a session policy, …) */
export interface EngineSkipped {
  readonly skipped: string
}

/** What one engine said about one check in the report */
export type EngineOutcome = EngineDecision | EngineSkipped

/** A check's status against `expect` */
export type CheckStatus = 'passed' | 'failed' | 'error'

/** One check's line in the report */
export interface CheckResult {
  readonly suite: string
  readonly case: string
  /** The principal's ARN, or `anonymous` */
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly expected: Expectation
  /** Absent when the local engine did not run (or failed: see `message`) */
  readonly local?: EngineOutcome
  /** Absent when the AWS engine did not run (or failed: see `message`) */
  readonly aws?: EngineOutcome
  readonly status: CheckStatus
  /** Why the check is an error */
  readonly message?: string
  /** Both engines decided and their decisions differ */
  readonly divergent: boolean
  /** A documented simulator behaviour that explains the divergence */
  readonly divergenceCause?: string
}

/** Counts over a run's results */
export interface RunSummary {
  readonly total: number
  readonly passed: number
  readonly failed: number
  readonly errors: number
  readonly divergent: number
  /** Checks not run (skipped cases, cases left out by `only`); absent when none */
  readonly skipped?: number
}

/** A run's report */
export interface RunReport {
  readonly summary: RunSummary
  readonly results: readonly CheckResult[]
}

/** True for an outcome that carries a decision */
export const isDecision = (
  outcome: EngineOutcome | { readonly error: string } | undefined,
): outcome is EngineDecision => outcome !== undefined && 'decision' in outcome
