/**
 * Grouping checks into simulator calls. Checks whose simulations are equal (same API, principal,
 * policies, boundary, SCPs, resource policy, owner, caller and context) may share one call, whose
 * ActionNames × ResourceArns the simulator evaluates in full. Each group's (action, resource) pairs
 * are covered by rectangles (actions × resources); rectangles merge while the merged call costs no
 * more pages than the separate ones (the old response shape gives one result per pair).
 * @module
 */
import type { Simulation } from './plan-check.ts'

/** One simulator call (before paging): a simulation and the rectangle it evaluates */
export interface PlannedCall {
  readonly simulation: Simulation
  readonly actions: readonly string[]
  readonly resources: readonly string[]
  /** Indices (into the engine's batch) of the checks this call answers */
  readonly checks: readonly number[]
}

/** A check ready to batch */
export interface BatchItem {
  readonly index: number
  readonly simulation: Simulation
  readonly action: string
  readonly resource: string
}

interface Rect {
  actions: Set<string>
  resources: Set<string>
  checks: number[]
}

const pages = (rect: Rect, maxItems: number): number =>
  Math.max(1, Math.ceil((rect.actions.size * rect.resources.size) / maxItems))

const union = (a: Rect, b: Rect): Rect => ({
  actions: new Set([...a.actions, ...b.actions]),
  resources: new Set([...a.resources, ...b.resources]),
  checks: [...a.checks, ...b.checks],
})

/** Rectangles from grouping one side by the set of the other side it pairs with */
const rectangles = (items: readonly BatchItem[], byResource: boolean): Rect[] => {
  const partners = new Map<string, { set: Set<string>; checks: number[] }>()
  for (const item of items) {
    const [key, partner] = byResource ? [item.resource, item.action] : [item.action, item.resource]
    const entry = partners.get(key) ?? { set: new Set<string>(), checks: [] }
    entry.set.add(partner)
    entry.checks.push(item.index)
    partners.set(key, entry)
  }
  const bySignature = new Map<string, Rect>()
  for (const [key, { set, checks }] of partners) {
    const signature = JSON.stringify([...set].sort())
    const rect = bySignature.get(signature) ?? {
      actions: byResource ? new Set(set) : new Set<string>(),
      resources: byResource ? new Set<string>() : new Set(set),
      checks: [],
    }
    ;(byResource ? rect.resources : rect.actions).add(key)
    rect.checks.push(...checks)
    bySignature.set(signature, rect)
  }
  return [...bySignature.values()]
}

/** Merges rectangles greedily, smallest first, while a merge saves pages */
const merge = (rects: Rect[], maxItems: number): Rect[] => {
  const sorted = [...rects].sort(
    (a, b) => a.actions.size * a.resources.size - b.actions.size * b.resources.size,
  )
  const out: Rect[] = []
  for (const rect of sorted) {
    let merged = false
    for (let i = 0; i < out.length; i++) {
      const candidate = union(out[i]!, rect)
      if (pages(candidate, maxItems) < pages(out[i]!, maxItems) + pages(rect, maxItems)) {
        out[i] = candidate
        merged = true
        break
      }
    }
    if (!merged) out.push(rect)
  }
  return out
}

const cost = (rects: readonly Rect[], maxItems: number): number =>
  rects.reduce((n, r) => n + pages(r, maxItems), 0)

/** Groups checks into as few calls as the API allows; `maxItems` is the page size used */
export const planCalls = (items: readonly BatchItem[], maxItems: number): PlannedCall[] => {
  const groups = new Map<string, BatchItem[]>()
  for (const item of items) {
    const group = groups.get(item.simulation.key)
    if (group) group.push(item)
    else groups.set(item.simulation.key, [item])
  }
  const calls: PlannedCall[] = []
  for (const group of groups.values()) {
    const a = merge(rectangles(group, true), maxItems)
    const b = merge(rectangles(group, false), maxItems)
    const best = cost(b, maxItems) < cost(a, maxItems) ? b : a
    for (const rect of best) {
      calls.push({
        simulation: group[0]!.simulation,
        actions: [...rect.actions],
        resources: [...rect.resources],
        checks: rect.checks,
      })
    }
  }
  return calls
}
