/**
 * The CLI's exit codes: 0 when every check passed, 1 when a check failed (or diverged with
 * `--fail-on-divergence`), 2 when the input was invalid (bad suites, options or files).
 * @module
 */

/** Exit codes by meaning */
export const EXIT = {
  ok: 0,
  failed: 1,
  invalid: 2,
} as const

/** One of the CLI's exit codes */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
