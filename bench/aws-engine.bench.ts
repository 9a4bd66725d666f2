/**
 * `npm run bench:aws`: how many simulator calls the AWS engine makes and how long a run takes against
 * the local IAM endpoint with 50 ms of added latency per call (the real SDK, real HTTP). Workloads: the
 * example suites (the snapshot example with its snapshot) and a generated 2,000-check suite. For each:
 * checks, checks sent, the naive call count (one per sent check), the engine's calls (every page
 * counted), checks per call, and median wall times with 4 calls in flight (the default), 1 in flight,
 * and the naive way (one call per check, 4 in flight; skipped for the big suite unless BENCH_NAIVE=1).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AwsEngine, createAwsEngine, createIamClient } from '../core/aws/index.ts'
import { parseAccountSnapshot, snapshotResolver } from '../core/aws/snapshot/index.ts'
import { loadIamCatalog } from '../core/catalog/index.ts'
import {
  type AccountResolver,
  type Check,
  expandSuite,
  type LoadedSuite,
  loadSuite,
} from '../core/suite/index.ts'
import { type AccountDetails, startIamEndpoint } from '../test/support/iam-endpoint/index.ts'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
process.env.AWS_EC2_METADATA_DISABLED ??= 'true'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLES = join(ROOT, 'examples')

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

interface Workload {
  readonly name: string
  readonly checks: readonly Check[]
  readonly account?: AccountDetails
  readonly resolver?: AccountResolver
}

const load = (path: string): LoadedSuite | undefined => {
  const dir = dirname(path)
  const result = loadSuite(readFileSync(path, 'utf8'), {
    fileName: relative(ROOT, path),
    readFile: (p) => {
      try {
        return readFileSync(join(dir, p), 'utf8')
      } catch {
        return undefined
      }
    },
  })
  if (!result.ok) {
    console.log(`skipped ${relative(ROOT, path)}: ${result.issues[0]?.message}`)
    return undefined
  }
  return result.value
}

const snapshotOf = (path: string): { account: AccountDetails; resolver: AccountResolver } => {
  const text = readFileSync(path, 'utf8')
  const parsed = parseAccountSnapshot(text, relative(ROOT, path))
  if (!parsed.ok) throw new Error(`cannot read ${path}`)
  return { account: JSON.parse(text) as AccountDetails, resolver: snapshotResolver(parsed.value) }
}

const exampleWorkloads = (): Workload[] => {
  const out: Workload[] = []
  const suites = readdirSync(EXAMPLES).filter((f) => f.endsWith('.iamspec.yaml'))
  const checks: Check[] = []
  for (const file of suites) {
    const suite = load(join(EXAMPLES, file))
    if (suite) checks.push(...expandSuite(suite).checks)
  }
  out.push({ name: `examples/*.iamspec.yaml (${suites.length} suites)`, checks })
  const snapshotSuite = join(EXAMPLES, 'snapshot', 'acme-dev.suite.yaml')
  const snapshotFile = join(EXAMPLES, 'snapshots', 'acme-dev.json')
  try {
    const { account, resolver } = snapshotOf(snapshotFile)
    const suite = load(snapshotSuite)
    if (suite)
      out.push({
        name: 'examples/snapshot/acme-dev.suite.yaml',
        checks: expandSuite(suite, { resolver }).checks,
        account,
        resolver,
      })
  } catch (error) {
    console.log(`skipped the snapshot example: ${error instanceof Error ? error.message : String(error)}`)
  }
  return out
}

/** 2,000 checks: 10 suite principals, each with a 10-action × 20-resource matrix */
const generatedWorkload = (): Workload => {
  const principals = Array.from(
    { length: 10 },
    (_, p) => `  p${p}:
    arn: arn:aws:iam::111122223333:role/Team${p}
    policies:
      - name: team${p}
        document:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Action: ["s3:Get*", "s3:List*"], Resource: ["arn:aws:s3:::team${p}", "arn:aws:s3:::team${p}/*"] }
            - { Effect: Deny, Action: "s3:DeleteObject", Resource: "arn:aws:s3:::team${p}/locked/*" }`,
  )
  const actions = [
    'GetObject',
    'PutObject',
    'DeleteObject',
    'GetObjectTagging',
    'PutObjectTagging',
    'GetObjectAcl',
    'PutObjectAcl',
    'RestoreObject',
    'GetObjectVersion',
    'DeleteObjectVersion',
  ]
  const cases = Array.from(
    { length: 10 },
    (_, p) => `  - name: team ${p} objects
    principal: p${p}
    actions: [${actions.map((a) => `s3:${a}`).join(', ')}]
    resources: [${Array.from({ length: 20 }, (_, r) => `"arn:aws:s3:::team${p}/${r % 4 === 0 ? 'locked/' : ''}k${r}"`).join(', ')}]
    expect: denied`,
  )
  const result = loadSuite(
    `suite: generated\nprincipals:\n${principals.join('\n')}\ncases:\n${cases.join('\n')}\n`,
    {
      fileName: 'generated.yaml',
      readFile: () => undefined,
    },
  )
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return {
    name: 'generated: 10 principals × 10 actions × 20 resources',
    checks: expandSuite(result.value).checks,
  }
}

const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`

const bench = async (w: Workload): Promise<void> => {
  const endpoint = await startIamEndpoint({ account: w.account ?? {}, latencyMs: LATENCY_MS })
  const client = createIamClient({
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
  })
  const catalog = await loadIamCatalog()
  const engine = (maxInFlight: number): AwsEngine =>
    createAwsEngine({ client, catalog, resolver: w.resolver, maxInFlight })
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const start = performance.now()
    await run()
    return performance.now() - start
  }
  // one warm-up run that also counts the calls
  const first = engine(4)
  endpoint.reset()
  const results = await first.evaluate(w.checks)
  const stats = first.stats()
  const errors = results.filter((r) => 'error' in r).length
  const four: number[] = []
  const one: number[] = []
  for (let i = 0; i < RUNS; i++) {
    four.push(await timed(async () => engine(4).evaluate(w.checks)))
    one.push(await timed(async () => engine(1).evaluate(w.checks)))
  }
  const naiveAllowed = stats.simulated <= 200 || process.env.BENCH_NAIVE === '1'
  const naive: number[] = []
  if (naiveAllowed) {
    const runs = stats.simulated <= 200 ? RUNS : 1
    for (let i = 0; i < runs; i++) {
      const e = engine(4)
      naive.push(await timed(async () => Promise.all(w.checks.map(async (c) => e.evaluate([c])))))
    }
  }
  console.log(`\n${w.name}`)
  console.log(
    `  checks ${w.checks.length}, sent ${stats.simulated}, skipped ${stats.skipped}, errors ${errors}`,
  )
  console.log(
    `  simulator calls: naive ${stats.simulated}, batched ${stats.requests} (${stats.calls} simulations) = ${(stats.simulated / Math.max(1, stats.requests)).toFixed(1)} checks per call`,
  )
  console.log(
    `  wall time, median of ${RUNS}, ${LATENCY_MS} ms per call: batched ${fmtMs(median(four))} (4 in flight), ${fmtMs(median(one))} (1 in flight)` +
      (naive.length > 0
        ? `; naive ${fmtMs(median(naive))} (4 in flight${naive.length === 1 ? ', 1 run' : ''})`
        : `; naive ≈ ${fmtMs(Math.ceil(stats.simulated / 4) * LATENCY_MS)} at best (not run: BENCH_NAIVE=1)`),
  )
  client.destroy()
  await endpoint.close()
}

for (const w of [...exampleWorkloads(), generatedWorkload()]) await bench(w)
