// The boundary rule of architecture.md: core/policy, core/evaluator and core/suite stay pure.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The folders that must stay free of I/O and cloud SDKs */
export const PURE_FOLDERS = ['core/policy', 'core/evaluator', 'core/suite']

/** Module specifiers a pure folder may not import, with the rule each breaks */
export const FORBIDDEN = [
  { test: (s) => s.startsWith('node:'), rule: 'Node built-in modules' },
  {
    test: (s) =>
      /^(fs|path|os|child_process|http|https|net|crypto|url|stream|worker_threads|process)(\/|$)/.test(s),
    rule: 'Node built-in modules',
  },
  { test: (s) => s.startsWith('@aws-sdk/') || s === 'aws-sdk', rule: 'the AWS SDK' },
  {
    test: (s) => s === 'aws-lambda' || s.startsWith('@types/aws-lambda') || s.startsWith('@middy/'),
    rule: 'Lambda types and middleware',
  },
  { test: (s) => s === 'sst' || s.startsWith('sst/'), rule: 'sst' },
]

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]\s*\)/gm

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return walk(path)
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [path] : []
  })

/** Lists every forbidden import in the pure folders under root */
export const findBoundaryViolations = (root) => {
  const out = []
  for (const folder of PURE_FOLDERS) {
    let files = []
    try {
      files = walk(join(root, folder))
    } catch {
      continue
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(IMPORT)) {
        const specifier = m[1] ?? m[2] ?? m[3] ?? m[4]
        const hit = FORBIDDEN.find((f) => f.test(specifier))
        if (hit) {
          const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0)
          out.push({ file: relative(root, file), line, specifier, folder, rule: hit.rule })
        }
      }
    }
  }
  return out
}
