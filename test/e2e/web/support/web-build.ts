/**
 * Makes sure web/dist is a build of the current sources: builds it (vite build web) when it is missing
 * or older than any file it is built from. A lock directory keeps parallel test files from building at
 * the same time.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

const DIST_INDEX = join(ROOT, 'web', 'dist', 'index.html')
const SOURCES = [
  'web/index.html',
  'web/vite.config.ts',
  'web/src',
  'core/suite',
  'core/evaluator',
  'core/policy',
  'cli/evaluate',
  'core/aws/divergence-causes.ts',
]
const LOCK = join(ROOT, 'web', '.build-lock')
const LOCK_STALE_MS = 180_000

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  )
}

/** True when web/dist is missing or older than its sources */
export const webBuildIsStale = (): boolean => {
  if (!existsSync(DIST_INDEX)) return true
  const built = statSync(DIST_INDEX).mtimeMs
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Builds web/dist when it is stale (`npm run build:web`), waiting for a build another file started */
export const ensureWebBuild = async (): Promise<void> => {
  for (;;) {
    if (!webBuildIsStale()) return
    try {
      mkdirSync(LOCK)
    } catch {
      if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true })
      await sleep(250)
      continue
    }
    try {
      if (webBuildIsStale()) {
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'],
          {
            cwd: ROOT,
            stdio: 'inherit',
          },
        )
      }
      return
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
