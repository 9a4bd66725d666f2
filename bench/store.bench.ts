/**
 * `npm run bench:store`: time to store a 10,000-check run on in-process dynalite (memory), median of several
 * runs: as one slice, and as ten 1,000-check slices the way workers record them. Prints pages and calls too.
 * @module
 */
import { createDynamoRepository } from '../core/store/dynamo-repository.ts'
import { makeResults } from '../test/integration/store/fixtures.ts'
import { startDynalite } from '../test/support/dynamo/dynalite.ts'

process.env.AWS_EC2_METADATA_DISABLED = 'true'
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const CHECKS = Number(process.env.BENCH_CHECKS ?? 10_000)
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const backend = await startDynalite()
const tableName = await backend.createTable('bench')
let batchCalls = 0
let pageItems = 0
const client = new Proxy(backend.doc, {
  get: (target, prop, receiver) =>
    prop === 'send'
      ? (command: { constructor: { name: string }; input: { RequestItems?: Record<string, unknown[]> } }) => {
          if (command.constructor.name === 'BatchWriteCommand') {
            batchCalls += 1
            pageItems += Object.values(command.input.RequestItems ?? {}).flat().length
          }
          return (target.send as (c: unknown) => Promise<unknown>)(command)
        }
      : Reflect.get(target, prop, receiver),
})
const repo = createDynamoRepository({ client, tableName })
const team = await repo.createTeam({ name: 'bench' })
await repo.createSuite(team.id, { id: 'bench', body: 'suite: bench', format: 'yaml' })
const results = makeResults(0, CHECKS)
const bytes = results.reduce((sum, r) => sum + JSON.stringify(r).length, 0)

const storeRun = async (slices: number): Promise<{ ms: number; calls: number; items: number }> => {
  const run = await repo.createRun(team.id, {
    suiteId: 'bench',
    trigger: { kind: 'api' },
    engines: ['local'],
  })
  await repo.markRunning(team.id, run.id, { slices })
  batchCalls = 0
  pageItems = 0
  const per = Math.ceil(CHECKS / slices)
  const start = performance.now()
  for (let s = 0; s < slices; s++)
    await repo.recordSlice(team.id, run.id, s, results.slice(s * per, (s + 1) * per))
  const ms = performance.now() - start
  await repo.finishRun(team.id, run.id, { status: 'completed' })
  return { ms, calls: batchCalls, items: pageItems }
}

await storeRun(1) // warm up
console.log(`${CHECKS} checks, ${(bytes / 1024 / 1024).toFixed(1)} MiB of result JSON, ${RUNS} runs each`)
for (const slices of [1, 10]) {
  const samples: number[] = []
  let last = { ms: 0, calls: 0, items: 0 }
  for (let i = 0; i < RUNS; i++) {
    last = await storeRun(slices)
    samples.push(last.ms)
  }
  console.log(
    `${slices} slice(s): median ${median(samples).toFixed(0)} ms (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}); ${last.items} page items in ${last.calls} BatchWriteItem calls`,
  )
}
await backend.stop()
