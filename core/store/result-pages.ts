/**
 * Packs check results into pages: each page holds many results as one JSON array text, split by bytes so an
 * item stays well under DynamoDB's 400 KB limit (a 10,000-check run is a few dozen items, not 10,000).
 * @module
 */
import type { CheckResult } from '../suite/report-types.ts'
import { byteLength, MAX_ITEM_BYTES } from './item-size.ts'
import { InvalidInputError } from './repository.ts'

/** Default budget for a page's JSON text; leaves room for keys and bookkeeping attributes */
export const PAGE_BUDGET_BYTES = 300 * 1024

/** One page to write: the JSON array text and how many results it holds */
export interface PackedPage {
  readonly json: string
  readonly count: number
  readonly bytes: number
}

/** Splits values into JSON-array pages of at most `budget` bytes each (a value larger alone gets its own page) */
export const packPages = <T>(values: readonly T[], budget: number = PAGE_BUDGET_BYTES): PackedPage[] => {
  const pages: PackedPage[] = []
  let parts: string[] = []
  let bytes = 2
  const flush = (): void => {
    if (parts.length === 0) return
    pages.push({ json: `[${parts.join(',')}]`, count: parts.length, bytes })
    parts = []
    bytes = 2
  }
  for (const value of values) {
    const json = JSON.stringify(value)
    const size = byteLength(json)
    if (size + 2 > MAX_ITEM_BYTES - 4096)
      throw new InvalidInputError(`a single value of ${size} bytes cannot be stored in one item`)
    const added = size + (parts.length > 0 ? 1 : 0)
    if (parts.length > 0 && bytes + added > budget) flush()
    bytes += size + (parts.length > 0 ? 1 : 0)
    parts.push(json)
  }
  flush()
  return pages
}

/** Reads a page's JSON text back (results were validated when the run recorded them) */
export const unpackPage = (json: string): CheckResult[] => JSON.parse(json) as CheckResult[]
