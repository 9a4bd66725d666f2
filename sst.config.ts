/**
 * The iamspec app on AWS (SST 4.17.1). It declares nothing itself: each concern lives in infra/ and is
 * imported inside `run()`, where SST's globals (`sst.*`, `aws.*`, `$app`) exist. Deploy with
 * `npx sst deploy --stage prod` (docs/deploy.md). Production stages (`prod`, `production`) keep their
 * data when removed and refuse `sst remove`; every other stage is disposable.
 */
export default $config({
  app(input) {
    const production = input?.stage === 'prod' || input?.stage === 'production'
    return {
      name: 'iamspec',
      home: 'aws',
      removal: production ? 'retain' : 'remove',
      protect: production,
    }
  },
  async run() {
    const { createSecrets } = await import('./infra/secrets.ts')
    const { createTable } = await import('./infra/storage.ts')
    const { createRunQueues, createRunSweeper, subscribeRunWorker } = await import('./infra/runs.ts')
    const { deployedArns } = await import('./infra/arns.ts')
    const { createApi } = await import('./infra/api.ts')
    const { createWeb } = await import('./infra/web.ts')

    const secrets = createSecrets()
    const table = createTable()
    const runQueues = createRunQueues()
    const arns = deployedArns(table, runQueues.queue)
    subscribeRunWorker(runQueues, table, arns)
    createRunSweeper(table, arns)
    const { api } = createApi({
      table,
      runQueue: runQueues.queue,
      adminTokenHash: secrets.adminTokenHash,
      arns,
    })
    const { router } = createWeb(api)
    return { url: router.url, api: api.url, table: table.name, runQueue: runQueues.queue.url }
  },
})
