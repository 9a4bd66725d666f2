import { beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLE_SUITES, ensureBuilt, iamspec } from './support/cli.ts'

const POLICIES = 'test/e2e/cli/fixtures/policies'
const BROKEN = 'test/e2e/cli/fixtures/broken'

beforeAll(ensureBuilt, 120_000)

describe('iamspec validate', () => {
  it('exits 0 and lists lint findings as warnings when the suites are valid', () => {
    const run = iamspec(['validate', 'examples/'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^VALID ${EXAMPLE_SUITES} files \\(${EXAMPLE_SUITES} suites, 0 policies\\) with \\d+ warnings$`,
        'm',
      ),
    )
    expect(run.stdout).toContain(
      'examples/permissions-boundary.iamspec.yaml:18:15 principals.developer.policies[0].document.Statement[0].Action[0]: `Action: "*"` on `Resource: "*"`',
    )
    expect(run.stdout).toContain('(warning: broad-wildcard)')
  })

  it('exits 2 with --strict when there are warnings', () => {
    const run = iamspec(['validate', 'examples/', '--strict'])
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(
      new RegExp(`^INVALID ${EXAMPLE_SUITES} files .*warnings fail with \`--strict\`$`, 'm'),
    )
  })

  it('lists every schema and policy problem and exits 2 when suites are broken', () => {
    const run = iamspec(['validate', BROKEN])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(
      `${BROKEN}/unknown-key.iamspec.yaml:6:5 principals.dev.polices: unknown key \`polices\`; did you mean \`policies\`?`,
    )
    expect(run.stdout).toMatch(/^5 errors in 4 files$/m)
  })

  it('warns about unknown actions and condition keys when linting a standalone policy', () => {
    const run = iamspec(['validate', `${POLICIES}/lint-findings.json`])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `${POLICIES}/lint-findings.json:7:18 Statement[0].Action[0]: unknown action \`s3:GetObjekt\``,
    )
    expect(run.stdout).toContain('did you mean `s3:GetObject`? (warning: unknown-action)')
    expect(run.stdout).toContain(
      `${POLICIES}/lint-findings.json:9:40 Statement[0].Condition.StringEquals.aws:SourceVpcc: unknown condition key \`aws:SourceVpcc\``,
    )
    expect(run.stdout).toMatch(/^VALID 1 file \(0 suites, 1 policy\) with 2 warnings$/m)
  })

  it.each([
    ['resource', 0, ''],
    ['identity', 2, '`Principal` is not allowed in identity policies'],
  ])('validates the bucket policy when --kind is %s', (kind, code, message) => {
    const run = iamspec(['validate', `${POLICIES}/bucket-policy.json`, '--kind', kind])
    expect(run.code).toBe(code)
    expect(run.stdout).toContain(message)
  })

  it('reports the position of the problem when a policy file is invalid', () => {
    const run = iamspec(['validate', `${POLICIES}/invalid-effect.json`])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(
      `${POLICIES}/invalid-effect.json:3:29 Statement[0].Effect: \`Effect\` must be exactly \`Allow\` or \`Deny\`, not \`Permit\``,
    )
  })

  it('exits 2 when --kind is unknown', () => {
    expect(iamspec(['validate', `${POLICIES}/bucket-policy.json`, '--kind', 'bucket']).code).toBe(2)
  })
})
