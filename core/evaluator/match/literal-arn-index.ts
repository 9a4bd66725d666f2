/**
 * An index of the literal Resource patterns of many statements: exact ARNs and ARNs ending in a single
 * `*` (a prefix, since a `*` that ends the pattern may run past colons, see ./resource.ts). One walk of
 * the request's ARN through a compressed trie finds every statement whose literal patterns match it,
 * however many statements there are, instead of one string comparison per pattern and statement.
 * @module
 */

/** A literal pattern of one statement (an owner, numbered from 0) */
export interface LiteralArnPattern {
  /** The exact ARN, or the prefix before the trailing `*` */
  readonly text: string
  readonly prefix: boolean
  readonly owner: number
}

interface TrieNode {
  /** The characters on the edge into this node (empty for the root) */
  label: string
  /** Children, and the first character code of each child's label, in the same order */
  children: TrieNode[]
  firsts: number[]
  /** Owners whose exact pattern ends here */
  exact: number[]
  /** Owners whose prefix pattern ends here */
  prefix: number[]
}

const newNode = (label: string): TrieNode => ({ label, children: [], firsts: [], exact: [], prefix: [] })

const insert = (root: TrieNode, pattern: LiteralArnPattern): void => {
  let node = root
  let pos = 0
  const text = pattern.text
  while (pos < text.length) {
    const first = text.charCodeAt(pos)
    const k = node.firsts.indexOf(first)
    if (k < 0) {
      const leaf = newNode(text.slice(pos))
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
      const middle = newNode(label.slice(0, common))
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

/** Finds the owners whose literal patterns match an ARN */
export interface LiteralArnIndex {
  /**
   * Sets `hits[owner] = stamp` for every owner with a literal pattern matching the ARN (ARNs are
   * compared case-sensitively, as IAM compares them)
   */
  readonly mark: (arn: string, hits: Int32Array, stamp: number) => void
}

/** Builds the index of a set of literal patterns */
export const buildLiteralArnIndex = (patterns: readonly LiteralArnPattern[]): LiteralArnIndex => {
  const root = newNode('')
  for (const p of patterns) insert(root, p)
  return {
    mark: (arn, hits, stamp) => {
      let node = root
      let pos = 0
      const length = arn.length
      for (;;) {
        const prefix = node.prefix
        for (let i = 0; i < prefix.length; i++) hits[prefix[i]!] = stamp
        if (pos === length) {
          const exact = node.exact
          for (let i = 0; i < exact.length; i++) hits[exact[i]!] = stamp
          return
        }
        const c = arn.charCodeAt(pos)
        const firsts = node.firsts
        let k = 0
        while (k < firsts.length && firsts[k] !== c) k++
        if (k === firsts.length) return
        const child = node.children[k]!
        const label = child.label
        const n = label.length
        // Every pattern ends at a node, so an ARN that ends inside a label matches nothing below it
        if (pos + n > length) return
        // Last character first: labels that share their start differ near their end
        for (let i = n - 1; i > 0; i--) if (arn.charCodeAt(pos + i) !== label.charCodeAt(i)) return
        pos += n
        node = child
      }
    },
  }
}
