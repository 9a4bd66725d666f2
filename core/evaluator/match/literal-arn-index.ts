/**
 * An index of the literal Resource patterns of many statements: exact ARNs and ARNs ending in a single
 * `*` (a prefix, since a `*` that ends the pattern may run past colons, see ./resource.ts). One walk of
 * the request's ARN through a compressed trie finds every statement whose literal patterns match it,
 * however many statements there are, instead of one string comparison per pattern and statement. The
 * walk ends at a stop that knows those statements, so a caller can remember per stop what follows.
 * @module
 */

/** A literal pattern of one statement (an owner, numbered from 0) */
export interface LiteralArnPattern {
  /** The exact ARN, or the prefix before the trailing `*` */
  readonly text: string
  readonly prefix: boolean
  readonly owner: number
}

/**
 * Where a walk of an ARN through the index stops, with every owner whose literal pattern matches an ARN
 * that stops there. `memo` is the caller's slot for what it derives from those owners (computed once
 * per stop, then found again by every ARN that stops at the same place)
 */
export interface ArnIndexStop<T> {
  readonly owners: readonly number[]
  memo: T | undefined
}

interface TrieNode<T> {
  /** The characters on the edge into this node (empty for the root) */
  label: string
  /** Children, and the first character code of each child's label, in the same order */
  children: TrieNode<T>[]
  firsts: number[]
  /** Owners whose exact pattern ends here */
  exact: number[]
  /** Owners whose prefix pattern ends here */
  prefix: number[]
  /** The stop of an ARN that goes on past this node (or mismatches below it), and of one that ends here */
  passing: ArnIndexStop<T>
  ending: ArnIndexStop<T>
}

const newNode = <T>(label: string): TrieNode<T> => ({
  label,
  children: [],
  firsts: [],
  exact: [],
  prefix: [],
  passing: { owners: [], memo: undefined },
  ending: { owners: [], memo: undefined },
})

const insert = <T>(root: TrieNode<T>, pattern: LiteralArnPattern): void => {
  let node = root
  let pos = 0
  const text = pattern.text
  while (pos < text.length) {
    const first = text.charCodeAt(pos)
    const k = node.firsts.indexOf(first)
    if (k < 0) {
      const leaf = newNode<T>(text.slice(pos))
      node.children.push(leaf)
      node.firsts.push(first)
      node = leaf
      pos = text.length
      break
    }
    const child = node.children[k]!
    const label = child.label
    let common = 1
    while (common < label.length && pos + common < text.length && label[common] === text[pos + common])
      common++
    if (common < label.length) {
      // Split the edge: a new node for the shared part, the old child below it
      const middle = newNode<T>(label.slice(0, common))
      child.label = label.slice(common)
      middle.children.push(child)
      middle.firsts.push(child.label.charCodeAt(0))
      node.children[k] = middle
      node = middle
    } else node = child
    pos += common
  }
  const owners = pattern.prefix ? node.prefix : node.exact
  if (!owners.includes(pattern.owner)) owners.push(pattern.owner)
}

/** Fills in each node's stops: the prefix owners on the way down, plus the exact owners for `ending` */
const settle = <T>(node: TrieNode<T>, above: readonly number[]): void => {
  const passing = [...above]
  for (const o of node.prefix) if (!passing.includes(o)) passing.push(o)
  const ending = [...passing]
  for (const o of node.exact) if (!ending.includes(o)) ending.push(o)
  node.passing = { owners: passing.sort((a, b) => a - b), memo: undefined }
  node.ending = { owners: ending.sort((a, b) => a - b), memo: undefined }
  for (const child of node.children) settle(child, node.passing.owners)
}

/** Finds the owners whose literal patterns match an ARN */
export interface LiteralArnIndex<T> {
  /**
   * Walks the ARN down the index and returns where it stops (ARNs are compared case-sensitively, as
   * IAM compares them). The walk starts as a loop and is replaced by a generated one once the index
   * has been used often enough to repay generating it, so read `find` on each use
   */
  find: (arn: string) => ArnIndexStop<T>
}

type Find<T> = (arn: string) => ArnIndexStop<T>

/** The walk as a loop over the nodes (works everywhere; the generated walk below is faster) */
const interpretedWalk =
  <T>(root: TrieNode<T>): Find<T> =>
  (arn) => {
    let node = root
    let pos = 0
    const length = arn.length
    for (;;) {
      if (pos === length) return node.ending
      const c = arn.charCodeAt(pos)
      const firsts = node.firsts
      let k = 0
      while (k < firsts.length && firsts[k] !== c) k++
      if (k === firsts.length) return node.passing
      const child = node.children[k]!
      const label = child.label
      const n = label.length
      // Every pattern ends at a node, so an ARN that ends inside a label matches nothing below it
      if (pos + n > length) return node.passing
      // Last character first: labels that share their start differ near their end
      for (let i = n - 1; i > 0; i--) if (arn.charCodeAt(pos + i) !== label.charCodeAt(i)) return node.passing
      pos += n
      node = child
    }
  }

/** Past this many label characters the generated walk would be too large: the loop is used instead */
const GENERATED_WALK_LIMIT = 20_000

/**
 * The walk as straight-line code: every node sits at a fixed depth, so each character test compares
 * `arn.charCodeAt(<constant>)` with a constant. The source holds only numbers (depths, character
 * codes, stop numbers), never text from a policy. Returns undefined where code cannot be generated
 * (a Content-Security-Policy without 'unsafe-eval' in a browser)
 */
const generatedWalk = <T>(root: TrieNode<T>): Find<T> | undefined => {
  const stops: ArnIndexStop<T>[] = []
  const stop = (s: ArnIndexStop<T>): string => {
    stops.push(s)
    return `S[${stops.length - 1}]`
  }
  let size = 0
  const emit = (node: TrieNode<T>, depth: number): string => {
    const passing = stop(node.passing)
    let out = `if(n===${depth})return ${stop(node.ending)};`
    if (node.children.length === 0) return `${out}return ${passing};`
    out += `switch(a.charCodeAt(${depth})){`
    for (const child of node.children) {
      const label = child.label
      size += label.length
      const end = depth + label.length
      const tests = [`n>=${end}`]
      for (let i = label.length - 1; i > 0; i--)
        tests.push(`a.charCodeAt(${depth + i})===${label.charCodeAt(i)}`)
      out += `case ${label.charCodeAt(0)}:if(${tests.join('&&')}){${emit(child, end)}}return ${passing};`
    }
    return `${out}}return ${passing};`
  }
  const body = emit(root, 0)
  if (size > GENERATED_WALK_LIMIT) return undefined
  let make = walkMakers.get(body)
  if (make === undefined) {
    try {
      make = new Function('S', `return function find(a){const n=a.length;${body}}`) as WalkMaker
    } catch {
      return undefined
    }
    if (walkMakers.size >= WALK_MAKERS_LIMIT) walkMakers.clear()
    walkMakers.set(body, make)
  }
  return make(stops) as Find<T>
}

type WalkMaker = (stops: readonly unknown[]) => Find<unknown>

/**
 * Generated walks by source: indexes of the same patterns (the plans of s3:GetObject and s3:PutObject
 * over the same policies, say) share one function, so it is compiled and optimized once
 */
const walkMakers = new Map<string, WalkMaker>()
const WALK_MAKERS_LIMIT = 1024

/**
 * Walks before the generated walk takes over. A generated walk costs a compile and runs interpreted at
 * first, while the loop is one function shared by every index and already optimized: an index that
 * serves a handful of requests (a CLI run with many principals) keeps the loop
 */
const GENERATE_AFTER = 512

/** Builds the index of a set of literal patterns */
export const buildLiteralArnIndex = <T>(
  patterns: readonly LiteralArnPattern[],
  options: {
    /** Walks before the walk is generated: 0 at once, Infinity never (default 512) */
    readonly generateAfter?: number
  } = {},
): LiteralArnIndex<T> => {
  const root = newNode<T>('')
  for (const p of patterns) insert(root, p)
  settle(root, [])
  const loop = interpretedWalk(root)
  const after = options.generateAfter ?? GENERATE_AFTER
  if (after === 0) return { find: generatedWalk(root) ?? loop }
  const index: LiteralArnIndex<T> = { find: loop }
  if (after === Number.POSITIVE_INFINITY) return index
  let walks = 0
  index.find = (arn) => {
    if (++walks >= after) index.find = generatedWalk(root) ?? loop
    return loop(arn)
  }
  return index
}
