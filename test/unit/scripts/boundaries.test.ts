import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findBoundaryViolations } from '../../../scripts/boundaries.mjs'

const roots: string[] = []
const tree = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'iamspec-boundary-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

describe('findBoundaryViolations', () => {
  it.each([
    ["import { readFileSync } from 'node:fs'", 'node:fs'],
    ["import fs from 'fs'", 'fs'],
    ["import { IAMClient } from '@aws-sdk/client-iam'", '@aws-sdk/client-iam'],
    ["import type { APIGatewayProxyEventV2 } from 'aws-lambda'", 'aws-lambda'],
    ["import { Resource } from 'sst'", 'sst'],
    ["const m = await import('node:path')", 'node:path'],
  ])('reports `%s` in a pure folder', (line, specifier) => {
    const root = tree({ 'core/evaluator/x.ts': `// header\n${line}\n` })
    const found = findBoundaryViolations(root)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ file: 'core/evaluator/x.ts', specifier, line: 2 })
  })

  it('allows pure packages and relative imports in core', () => {
    const root = tree({ 'core/policy/a.ts': "import { z } from 'zod'\nimport { b } from './b.ts'\n" })
    expect(findBoundaryViolations(root)).toEqual([])
  })

  it('ignores folders that may do I/O', () => {
    const root = tree({
      'core/store/a.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'\n",
      'cli/a.ts': "import 'node:fs'\n",
    })
    expect(findBoundaryViolations(root)).toEqual([])
  })

  it('finds no violation in this repository', () => {
    expect(findBoundaryViolations(process.cwd())).toEqual([])
  })
})
