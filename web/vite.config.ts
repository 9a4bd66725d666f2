/**
 * Vite build of the dashboard: root is web/, output web/dist (served by the local server and the
 * static site). Relative asset URLs (`base: './'`) and hash routes let any static host serve it.
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { defineConfig, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('..', import.meta.url))

const ZOD_JSON_SCHEMA: Readonly<Record<string, string>> = {
  '../core/json-schema-processors.js': 'json-schema-processors.js',
  '../core/to-json-schema.js': 'to-json-schema.js',
}

/**
 * zod's classic schemas import its JSON Schema generator (about 17 kB minified, 4–5 kB gzipped) so that
 * every schema has `.toJSONSchema()`. The dashboard never generates JSON Schema (the CLI's `schema`
 * command does), so in the browser bundle those two modules are replaced by stubs with the same
 * export names: processors return `{}`, and `toJSONSchema()` throws a clear error.
 */
const zodWithoutJsonSchema = (): Plugin => ({
  name: 'iamspec:zod-without-json-schema',
  enforce: 'pre',
  resolveId(source, importer) {
    const file = ZOD_JSON_SCHEMA[source]
    if (!file || !importer || !/[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(importer)) return null
    return `\0zod-stub:${fileURLToPath(new URL(`../core/${file}`, `file://${importer}`))}`
  },
  load(id) {
    if (!id.startsWith('\0zod-stub:')) return null
    const real = readFileSync(id.slice('\0zod-stub:'.length), 'utf8')
    const names = [...real.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]!)
    const unavailable =
      "() => () => { throw new Error('toJSONSchema is not bundled in the iamspec dashboard') }"
    return names
      .map((name) =>
        /^create\w*JSONSchemaMethod$/.test(name)
          ? `export const ${name} = ${unavailable};`
          : `export const ${name} = () => ({});`,
      )
      .join('\n')
  },
})

export default defineConfig({
  root,
  base: './',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), zodWithoutJsonSchema()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { fs: { allow: [repo] } },
})
