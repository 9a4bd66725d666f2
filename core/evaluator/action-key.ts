/**
 * Action names interned as small numbers, so compiled policy groups find their plan for an action
 * with an array index instead of hashing the name for every group of every request.
 * @module
 */

/** An action name as the evaluator keys its caches */
export interface ActionKey {
  /** The name in lower case (action names compare case-insensitively) */
  readonly lower: string
  /** A small number, the same for every spelling of the name within one generation */
  readonly id: number
  /** Ids are handed out again after a generation ends; caches keyed by id start over then */
  readonly generation: number
  /** sts:GetCallerIdentity, which needs no permission */
  readonly getCallerIdentity: boolean
}

/** Bound on distinct names per generation (IAM has about 18,000 actions); keeps memory flat */
const NAMES_PER_GENERATION = 32_768

let generation = 0
const byName = new Map<string, ActionKey>()
const byLower = new Map<string, ActionKey>()

/**
 * A small direct-mapped cache in front of the Map: the slot is chosen from the name's length and four
 * of its characters, and a hit is one string comparison (the same string object as the last time, mostly)
 */
const SLOTS = 1024

/** Mixes the length and four characters spread over the name (no loop over the whole name) */
const slotOf = (action: string, length: number): number => {
  let x =
    Math.imul(length, 0x9e3779b1) ^
    Math.imul(action.charCodeAt(length - 1), 0x85ebca6b) ^
    Math.imul(action.charCodeAt(length >> 1), 0xc2b2ae35) ^
    Math.imul(action.charCodeAt((length * 3) >> 2), 0x27d4eb2f) ^
    Math.imul(action.charCodeAt(length >> 2), 0x165667b1)
  x ^= x >>> 15
  return x & (SLOTS - 1)
}
const slotNames: (string | undefined)[] = new Array(SLOTS).fill(undefined)
const slotKeys: (ActionKey | undefined)[] = new Array(SLOTS).fill(undefined)

/** The key of an action name, interned on first use */
export const actionKeyOf = (action: string): ActionKey => {
  const length = action.length
  const slot = length === 0 ? 0 : slotOf(action, length)
  if (slotNames[slot] === action) {
    const cached = slotKeys[slot]!
    if (cached.generation === generation) return cached
  }
  const key = internedKeyOf(action)
  slotNames[slot] = action
  slotKeys[slot] = key
  return key
}

const internedKeyOf = (action: string): ActionKey => {
  let key = byName.get(action)
  if (key === undefined) {
    const lower = action.toLowerCase()
    key = byLower.get(lower)
    if (key === undefined) {
      if (byLower.size >= NAMES_PER_GENERATION) {
        generation++
        byName.clear()
        byLower.clear()
      }
      key = { lower, id: byLower.size, generation, getCallerIdentity: lower === 'sts:getcalleridentity' }
      byLower.set(lower, key)
    }
    byName.set(action, key)
  }
  return key
}

/**
 * A table of values per action, built on first use and found by the action's id (an array index);
 * it starts over when a new generation of ids begins
 */
export const actionTable = <V>(build: (action: ActionKey) => V): ((action: ActionKey) => V) => {
  let values: (V | undefined)[] = []
  let tableGeneration = 0
  return (action) => {
    if (action.generation !== tableGeneration) {
      values = []
      tableGeneration = action.generation
    }
    let value = values[action.id]
    if (value === undefined) {
      value = build(action)
      // Fill the gap below the id so the array stays dense (a holey array is slower to index)
      while (values.length < action.id) values.push(undefined)
      values[action.id] = value
    }
    return value
  }
}
