/**
 * A line diff by longest common subsequence: equal head and tail are trimmed first, so the quadratic
 * table only covers the changed middle.
 * @module
 */

/** One line of a diff */
export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
  /** 1-based line in the old text (same, removed) */
  readonly oldLine?: number
  /** 1-based line in the new text (same, added) */
  readonly newLine?: number
}

/** A run of diff lines shown together, with context around changes */
export interface DiffHunk {
  readonly lines: readonly DiffLine[]
}

/** Diffs two texts line by line */
export const diffLines = (oldText: string, newText: string): DiffLine[] => {
  const a = oldText.split('\n')
  const b = newText.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  // lcs[i][j] = length of the LCS of a[head+i..] and b[head+j..], in one flat array
  const width = m + 1
  const lcs = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[head + i] === b[head + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  const out: DiffLine[] = []
  for (let k = 0; k < head; k++) out.push({ kind: 'same', text: a[k]!, oldLine: k + 1, newLine: k + 1 })
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      out.push({ kind: 'same', text: a[head + i]!, oldLine: head + i + 1, newLine: head + j + 1 })
      i++
      j++
    } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      out.push({ kind: 'removed', text: a[head + i]!, oldLine: head + i + 1 })
      i++
    } else {
      out.push({ kind: 'added', text: b[head + j]!, newLine: head + j + 1 })
      j++
    }
  }
  for (let k = 0; k < tail; k++) {
    const oldLine = a.length - tail + k
    const newLine = b.length - tail + k
    out.push({ kind: 'same', text: a[oldLine]!, oldLine: oldLine + 1, newLine: newLine + 1 })
  }
  return out
}

/** Groups a diff into hunks: changed lines with `context` unchanged lines around them */
export const diffHunks = (lines: readonly DiffLine[], context = 3): DiffHunk[] => {
  const keep = new Uint8Array(lines.length)
  lines.forEach((line, index) => {
    if (line.kind === 'same') return
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++)
      keep[k] = 1
  })
  const hunks: DiffHunk[] = []
  let current: DiffLine[] | undefined
  lines.forEach((line, index) => {
    if (keep[index]) {
      current ??= []
      current.push(line)
    } else if (current) {
      hunks.push({ lines: current })
      current = undefined
    }
  })
  if (current) hunks.push({ lines: current })
  return hunks
}
