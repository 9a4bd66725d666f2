/**
 * "Did you mean" suggestions for misspelled element and operator names.
 * @module
 */

/** The Levenshtein edit distance between two strings */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * The candidate closest to `input` (compared case-insensitively), when it is close enough to be a
 * likely typo: at most a third of the input's length in edits, and never more than 3
 */
export const suggestName = (input: string, candidates: readonly string[]): string | undefined => {
  const lower = input.toLowerCase()
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** `; did you mean `X`?` when a suggestion exists, else the empty string (to append to a message) */
export const didYouMean = (input: string, candidates: readonly string[]): string => {
  const suggestion = suggestName(input, candidates)
  return suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`
}
