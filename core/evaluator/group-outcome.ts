/**
 * What one group's candidates said about a request, as a value: which of them applied, reduced to the
 * report entries of the Deny and the Allow statements among them. An outcome is made once per
 * candidates, report list and set of applying candidates, and remembers the decisions it led to (see
 * evaluate.ts), so a request whose groups end in outcomes seen before costs no new result.
 * @module
 */
import type { Candidates } from './group-plan.ts'
import type { EvaluationResult, MatchedStatement } from './types.ts'

/** The applying candidates of one group, by effect, in candidate order */
export interface GroupOutcome {
  /** Unique among live outcomes: keys the decisions of the outcomes met with it */
  readonly id: number
  readonly denies: readonly MatchedStatement[]
  readonly allows: readonly MatchedStatement[]
  /** Results decided from this outcome, keyed by decisionKey (see evaluate.ts); made on first use */
  decisions: Map<number, EvaluationResult> | undefined
  /** The last decision asked for, and its key, answered first */
  lastKey: number
  lastDecision: EvaluationResult | undefined
}

/**
 * Candidates numbered below this have their own bit in a mask; a group with more candidates at one
 * place of its index (rare: that many statements for one action and resource) is not remembered
 */
export const MASK_BITS = 30

/** Bounds on what is remembered, so memory stays flat whatever the requests */
const OUTCOMES_PER_CANDIDATES = 64
const DECISIONS_PER_OUTCOME = 64

let lastId = 0

/** The outcome of a group with no candidates, or of a policy type the request does not have */
export const NO_OUTCOME: GroupOutcome = {
  id: lastId++,
  denies: [],
  allows: [],
  decisions: undefined,
  lastKey: -1,
  lastDecision: undefined,
}

const build = (
  candidates: Candidates,
  from: readonly MatchedStatement[],
  applies: (k: number) => boolean,
): GroupOutcome => {
  const denies: MatchedStatement[] = []
  const allows: MatchedStatement[] = []
  const entries = candidates.entries
  for (let k = 0; k < entries.length; k++) {
    if (!applies(k)) continue
    const reported = from[candidates.indices[k]!]!
    if (entries[k]!.deny) denies.push(reported)
    else allows.push(reported)
  }
  return { id: lastId++, denies, allows, decisions: undefined, lastKey: -1, lastDecision: undefined }
}

/**
 * The outcome when the candidates whose bits are set in `mask` applied (candidate k is bit k), their
 * entries reported from `from` (the plan's report list for the policy type). Remembered per candidates
 * and report list; `applied` answers for candidates past MASK_BITS, whose outcomes are not remembered
 */
export const groupOutcome = (
  candidates: Candidates,
  from: readonly MatchedStatement[],
  mask: number,
  applied: readonly boolean[],
): GroupOutcome => {
  if (candidates.entries.length > MASK_BITS) return build(candidates, from, (k) => applied[k] === true)
  const last = candidates.lastOutcome
  if (last !== undefined && candidates.lastMask === mask && candidates.outcomesFrom === from) return last
  if (candidates.outcomesFrom !== from || candidates.outcomes === undefined) {
    candidates.outcomes = new Map()
    candidates.outcomesFrom = from
  }
  let outcome = candidates.outcomes.get(mask)
  if (outcome === undefined) {
    outcome = build(candidates, from, (k) => ((mask >>> k) & 1) === 1)
    if (candidates.outcomes.size < OUTCOMES_PER_CANDIDATES) candidates.outcomes.set(mask, outcome)
  }
  candidates.lastMask = mask
  candidates.lastOutcome = outcome
  return outcome
}

/** The result kept with an outcome under `key`, if any; the last one asked is answered first */
export const knownDecision = (outcome: GroupOutcome, key: number): EvaluationResult | undefined => {
  if (outcome.lastKey === key) return outcome.lastDecision
  const known = outcome.decisions?.get(key)
  if (known !== undefined) {
    outcome.lastKey = key
    outcome.lastDecision = known
  }
  return known
}

/** Keeps a result with an outcome under `key`; it is frozen, as every request with that key shares it */
export const keepDecision = (outcome: GroupOutcome, key: number, result: EvaluationResult): void => {
  outcome.decisions ??= new Map()
  if (outcome.decisions.size >= DECISIONS_PER_OUTCOME) return
  Object.freeze(result.reasons)
  outcome.decisions.set(key, Object.freeze(result))
  outcome.lastKey = key
  outcome.lastDecision = result
}
