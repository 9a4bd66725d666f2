/**
 * Errors of run orchestration that callers map to answers: a stored suite that no longer loads, and a
 * suite that expands to more checks than a run may have.
 * @module
 */
import type { Issue } from '../policy/index.ts'

/** A suite (stored or sent) that does not load; carries every issue */
export class InvalidSuiteError extends Error {
  /** Stable code */
  readonly code = 'invalid-suite'
  override readonly name = 'InvalidSuiteError'
  /** What is wrong, with paths and positions */
  readonly issues: readonly Issue[]
  constructor(message: string, issues: readonly Issue[]) {
    super(message)
    this.issues = issues
  }
}

/** A suite that expands to more checks than allowed */
export class TooManyChecksError extends Error {
  /** Stable code */
  readonly code = 'too-many-checks'
  override readonly name = 'TooManyChecksError'
}
