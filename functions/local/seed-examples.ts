/**
 * Seeding a fresh local service with the example suites (`examples/*.iamspec.yaml`). A suite's
 * `file:` references are resolved relative to the examples directory and inlined (the service stores
 * self-contained suites); an example that does not load that way is skipped with a message.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { isScalar, parseDocument, visit } from 'yaml'
import { ConflictError, type Repository } from '../../core/store/repository.ts'
import { type FileReader, joinRelative, loadSuite } from '../../core/suite/index.ts'

/** Reads files under `root` only */
const readerUnder =
  (root: string, suiteFile: string): FileReader =>
  (relativePath) => {
    const file = resolve(root, joinRelative(suiteFile, relativePath))
    if (!file.startsWith(resolve(root) + sep)) return undefined
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
  }

/** Replaces every `{ file: <path> }` reference with `{ name: <path>, document: <the file's JSON> }` */
export const inlineFileReferences = (text: string, read: FileReader): string | undefined => {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: false })
  let failed = false
  visit(doc, {
    Map: (_key, node) => {
      if (node.items.length !== 1) return undefined
      const pair = node.items[0]!
      if (!isScalar(pair.key) || pair.key.value !== 'file' || !isScalar(pair.value)) return undefined
      const path = String(pair.value.value)
      const content = read(path)
      if (content === undefined) {
        failed = true
        return visit.BREAK
      }
      try {
        return doc.createNode({ name: path, document: JSON.parse(content) as unknown })
      } catch {
        failed = true
        return visit.BREAK
      }
    },
  })
  return failed ? undefined : doc.toString({ lineWidth: 0 })
}

/** Stores every example that loads into a team; returns the ids stored */
export const seedExamples = async (
  repo: Repository,
  teamId: string,
  examplesDir: string,
  log: (line: string) => void,
): Promise<string[]> => {
  let names: string[]
  try {
    names = readdirSync(examplesDir)
      .filter((n) => n.endsWith('.iamspec.yaml'))
      .sort()
  } catch {
    return []
  }
  const stored: string[] = []
  for (const name of names) {
    const shown = relative(process.cwd(), join(examplesDir, name)) || name
    const original = readFileSync(join(examplesDir, name), 'utf8')
    const first = loadSuite(original, {
      fileName: name,
      format: 'yaml',
      readFile: readerUnder(examplesDir, name),
    })
    const text = first.ok ? inlineFileReferences(original, readerUnder(examplesDir, name)) : undefined
    const loaded = text === undefined ? first : loadSuite(text, { fileName: name, format: 'yaml' })
    if (!loaded.ok || text === undefined) {
      const why = loaded.ok ? 'a referenced file could not be inlined' : loaded.issues[0]?.message
      log(`skipping example ${shown}: ${why ?? 'it does not load'}`)
      continue
    }
    const suite = loaded.value
    try {
      await repo.createSuite(teamId, {
        id: suite.id,
        body: text,
        format: 'yaml',
        ...(suite.description !== undefined ? { description: suite.description } : {}),
        tags: suite.tags,
      })
      stored.push(suite.id)
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error
      log(`skipping example ${shown}: suite \`${suite.id}\` already exists`)
    }
  }
  return stored
}
