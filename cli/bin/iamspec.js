#!/usr/bin/env node
// The `iamspec` command: loads the bundled CLI (dist/cli.mjs, built by `npm run build:cli`), so that
// start-up needs no TypeScript tooling.
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundle = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write(
    `iamspec: the CLI is not built (${bundle} is missing)\n` +
      'run `npm run build:cli` (or `npm ci`, whose prepare step builds it) in the iamspec package\n',
  )
  process.exit(2)
}
// Node 22 can cache the bundle's compiled code between runs (a no-op where unsupported)
module.enableCompileCache?.()
await import(pathToFileURL(bundle).href)
