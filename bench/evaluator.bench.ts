/**
 * `npm run bench`: decisions per second of the local evaluator on a seeded workload, median of
 * several runs, plus the decision mix and the uncompiled reference path for comparison.
 * @module
 */
import { evaluateCheck } from '../core/evaluator/check.ts'
import { evaluate } from '../core/evaluator/evaluate.ts'
import type { Decision } from '../core/evaluator/types.ts'
import { buildWorkload } from './evaluator-workload.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const { requests, policySets, checks } = buildWorkload()
const mix: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 }
for (let i = 0; i < requests.length; i++) mix[evaluate(requests[i]!, policySets[i]!).decision]++

const measure = (reference: boolean, rounds: number): number[] => {
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint()
    let sink = 0
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < requests.length; i++) {
        if (
          evaluate(requests[i]!, policySets[i]!, reference ? { reference: true } : {}).decision === 'allowed'
        )
          sink++
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (sink < 0) console.log(sink)
    rates.push((rounds * requests.length) / seconds)
  }
  return rates
}

/** Whole checks as the runner decides them: the request context derived per check, then evaluated */
const measureChecks = (rounds: number): number[] => {
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint()
    let sink = 0
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < checks.length; i++) if (evaluateCheck(checks[i]!).decision === 'allowed') sink++
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (sink < 0) console.log(sink)
    rates.push((rounds * checks.length) / seconds)
  }
  return rates
}

measure(false, 3) // warm up
measureChecks(3)
const compiled = measure(false, 10)
const endToEnd = measureChecks(10)
const reference = process.env.BENCH_SKIP_REFERENCE ? [0] : measure(true, 1)
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
console.log(
  `workload: ${requests.length} distinct requests, 10 identity policies x 5 statements, boundary, bucket policy`,
)
console.log(
  `decision mix: allowed ${mix.allowed}, explicitDeny ${mix.explicitDeny}, implicitDeny ${mix.implicitDeny}`,
)
console.log(`reference (uncompiled) path: ${fmt(median(reference))} decisions/s`)
console.log(`checks with the context derived per check (evaluateCheck): ${fmt(median(endToEnd))} decisions/s`)
// The spread shows how noisy the machine was during this run
console.log(
  `prepared requests, ${RUNS} runs: slowest ${fmt(Math.min(...compiled))}, fastest ${fmt(Math.max(...compiled))} decisions/s`,
)
console.log(`${fmt(median(compiled))} decisions/s`)
