/**
 * Running the real, built `iamspec` command in end-to-end tests: builds dist/cli.mjs with the
 * package's `build:cli` script when it is missing or older than the sources (one build at a time,
 * across test files running in parallel), then spawns `node cli/bin/iamspec.js`.
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** The project root */
export const ROOT = resolve(import.meta.dirname, '../../../..')
/** The bin the package declares */
export const BIN = join(ROOT, 'cli', 'bin', 'iamspec.js')
/** The bundle the bin loads */
export const BUNDLE = join(ROOT, 'dist', 'cli.mjs')
/** This folder's fixtures */
export const FIXTURES = resolve(import.meta.dirname, '../fixtures')

/** How many suite files a walk of examples/ finds */
export const EXAMPLE_SUITES = readdirSync(join(ROOT, 'examples'), {
  recursive: true,
  encoding: 'utf8',
}).filter((f) => /\.iamspec\.(ya?ml|json)$/.test(f)).length

const LOCK = join(ROOT, 'dist', '.build-lock')

const newestSource = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return Math.max(newest, newestSource(path))
    return entry.name.endsWith('.ts') ? Math.max(newest, statSync(path).mtimeMs) : newest
  }, 0)

const isFresh = (): boolean => {
  try {
    const built = statSync(BUNDLE).mtimeMs
    const sources = Math.max(
      newestSource(join(ROOT, 'cli')),
      newestSource(join(ROOT, 'core')),
      newestSource(join(ROOT, 'functions')),
      statSync(join(ROOT, 'package.json')).mtimeMs,
    )
    return built >= sources
  } catch {
    return false
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Builds the CLI unless the bundle is newer than every source; safe to call from parallel workers */
export const ensureBuilt = (): void => {
  mkdirSync(dirname(LOCK), { recursive: true })
  for (let waited = 0; !isFresh(); waited += 100) {
    try {
      mkdirSync(LOCK)
    } catch {
      if (waited > 120_000) throw new Error('timed out waiting for another test file to build the CLI')
      sleep(100)
      continue
    }
    try {
      if (!isFresh()) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' })
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}

/** What a CLI run printed and how it exited */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `iamspec <args>` in a directory (default: the project root) */
export const iamspec = (
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; bin?: string } = {},
): CliRun => {
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A temporary directory with the given files (paths relative to it); removed by the returned function */
export const tempFiles = (files: Readonly<Record<string, string>>): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'iamspec-e2e-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
