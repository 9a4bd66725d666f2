import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, FIXTURES, iamspec, tempFiles } from './support/cli.ts'

const BROKEN = 'test/e2e/cli/fixtures/broken'

beforeAll(ensureBuilt, 120_000)

describe('iamspec run on invalid input', () => {
  it('exits 2 with the line and column when the YAML is malformed', () => {
    // written at run time: a static fixture would break the formatter's YAML parse of the tree
    const tmp = tempFiles({
      'bad-yaml.iamspec.yaml':
        'suite: bad-yaml\ncases:\n  - name: x\n    principal: [dev\n    action: s3:GetObject\n',
    })
    try {
      const run = iamspec(['run', 'bad-yaml.iamspec.yaml'], { cwd: tmp.dir })
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        /^bad-yaml\.iamspec\.yaml:5:5 flow sequence in block collection must be sufficiently indented/m,
      )
      expect(run.stderr).toMatch(/^1 error in 1 file$/m)
    } finally {
      tmp.remove()
    }
  })

  it.each([
    [
      'unknown-key',
      [
        `${BROKEN}/unknown-key.iamspec.yaml:6:5 principals.dev.polices: unknown key \`polices\`; did you mean \`policies\`?`,
        `${BROKEN}/unknown-key.iamspec.yaml:13:5 cases[0].expected: unknown key \`expected\`; did you mean \`expect\`?`,
      ],
    ],
    [
      'missing-file',
      [
        `${BROKEN}/missing-file.iamspec.yaml:7:15 principals.dev.policies[0].file: policy file \`../policies/no-such-policy.json\` not found (looked for \`test/e2e/cli/fixtures/policies/no-such-policy.json\`)`,
      ],
    ],
    [
      'invalid-policy',
      [
        `${BROKEN}/invalid-policy.iamspec.yaml:11:23 principals.dev.policies[0].document.Statement[0].Effect: \`Effect\` must be exactly \`Allow\` or \`Deny\`, not \`Allwo\``,
      ],
    ],
    [
      'unknown-principal',
      [
        `${BROKEN}/unknown-principal.iamspec.yaml:9:16 cases[0].principal: unknown principal \`deve\`; did you mean \`dev\`?`,
      ],
    ],
  ])('exits 2 and lists every problem with file:line:column when the suite has %s', (name, lines) => {
    const run = iamspec(['run', `${BROKEN}/${name}.iamspec.yaml`])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const printed = run.stderr.split('\n')
    for (const line of lines) expect(printed.some((p) => p.startsWith(line))).toBe(true)
    expect(run.stderr).toMatch(new RegExp(`^${lines.length} errors? in 1 file$`, 'm'))
  })

  it('reports the problems of every file when several are broken', () => {
    const run = iamspec(['run', BROKEN])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^5 errors in 4 files$/m)
  })

  it('exits 2 when a path does not exist', () => {
    const run = iamspec(['run', 'no/such/dir'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('`no/such/dir` does not exist')
  })

  it('exits 2 when a directory has no suite files', () => {
    const run = iamspec(['run', join(FIXTURES, 'policies')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no suite files')
  })

  it('exits 2 when two files use the same suite id, naming both places', () => {
    const suite =
      'suite: same\ncases:\n  - { name: anon, principal: anonymous, action: s3:GetObject, resource: "*", expect: implicitDeny }\n'
    const tmp = tempFiles({ 'a.iamspec.yaml': suite, 'b.iamspec.yaml': suite })
    try {
      const run = iamspec(['run', '.'], { cwd: tmp.dir })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(
        'b.iamspec.yaml:1:8 suite: suite id `same` is already used by `a.iamspec.yaml:1:8`',
      )
    } finally {
      tmp.remove()
    }
  })

  it.each([
    [['run', '--format', 'xml']],
    [['run', '--no-such-option']],
    [['frobnicate']],
    [['explain', '--action', 's3:GetObject']],
  ])('exits 2 when the command line is wrong: %j', (args) => {
    const run = iamspec(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/error:/)
  })

  it('prints help and exits 0 when asked with --help', () => {
    const run = iamspec(['--help'])
    expect(run.code).toBe(0)
    for (const command of ['run', 'validate', 'explain', 'schema']) expect(run.stdout).toContain(command)
  })
})
