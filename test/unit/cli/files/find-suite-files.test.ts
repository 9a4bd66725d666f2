import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { displayPath, findSuiteFiles } from '../../../../cli/files/find-suite-files.ts'

const root = mkdtempSync(join(tmpdir(), 'iamspec-find-'))
for (const file of [
  'b.iamspec.yaml',
  'a.iamspec.yml',
  'nested/c.iamspec.json',
  'nested/readme.md',
  'nested/policy.json',
  'node_modules/x/d.iamspec.yaml',
  '.git/e.iamspec.yaml',
  'empty/.keep',
]) {
  mkdirSync(dirname(join(root, file)), { recursive: true })
  writeFileSync(join(root, file), '')
}

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('findSuiteFiles', () => {
  it('finds suite files in name order, skipping node_modules and .git, when walking a directory', () => {
    const found = findSuiteFiles(['.'], root)
    expect(found.problems).toEqual([])
    expect(found.files.map((f) => f.display)).toEqual([
      'a.iamspec.yml',
      'b.iamspec.yaml',
      'nested/c.iamspec.json',
    ])
  })

  it('searches the working directory when given no path', () => {
    expect(findSuiteFiles([], root).files).toHaveLength(3)
  })

  it('takes a file once, whatever its name, when it is named directly', () => {
    const found = findSuiteFiles(['nested/policy.json', 'nested/policy.json', 'nested'], root)
    expect(found.files.map((f) => f.display)).toEqual(['nested/policy.json', 'nested/c.iamspec.json'])
  })

  it('reports a problem when a path is missing or a directory has no suites', () => {
    const found = findSuiteFiles(['nope', 'empty'], root)
    expect(found.problems).toEqual([
      '`nope` does not exist',
      'no suite files (`*.iamspec.yaml`, `*.iamspec.yml`, `*.iamspec.json`) in `empty`',
    ])
  })
})

describe('displayPath', () => {
  it('shows a path relatively when it is inside cwd, else absolutely', () => {
    expect(displayPath('/a/b/c.yaml', '/a')).toBe('b/c.yaml')
    expect(displayPath('/x/c.yaml', '/a')).toBe('/x/c.yaml')
    expect(displayPath('/a', '/a')).toBe('.')
  })
})
