import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { suiteJsonSchemaText } from '../../../core/suite/index.ts'
import { BIN, ensureBuilt, iamspec, tempFiles } from './support/cli.ts'

beforeAll(ensureBuilt, 120_000)

describe('iamspec schema', () => {
  it('prints the suite JSON Schema when asked', () => {
    const run = iamspec(['schema'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(suiteJsonSchemaText())
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'iamspec policy test suite' })
  })
})

describe('cli/bin/iamspec.js', () => {
  it('says how to build the CLI when dist/cli.mjs is missing', () => {
    const tmp = tempFiles({})
    try {
      mkdirSync(join(tmp.dir, 'cli', 'bin'), { recursive: true })
      const bin = join(tmp.dir, 'cli', 'bin', 'iamspec.js')
      copyFileSync(BIN, bin)
      const run = iamspec(['run'], { bin })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('the CLI is not built')
      expect(run.stderr).toContain('npm run build:cli')
    } finally {
      tmp.remove()
    }
  })

  it('prints the version when asked with --version', () => {
    const run = iamspec(['--version'])
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
