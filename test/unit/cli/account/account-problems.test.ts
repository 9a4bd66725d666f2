import { describe, expect, it } from 'vitest'
import { accountProblems } from '../../../../cli/account/account-problems.ts'
import type { NamedPolicy } from '../../../../core/policy/index.ts'
import { type AccountResolver, loadSuite } from '../../../../core/suite/index.ts'

const loaded = loadSuite(
  `suite: acct
principals:
  ghost:
    arn: arn:aws:iam::111122223333:role/Ghost
  known:
    arn: arn:aws:iam::111122223333:user/known
  proposed:
    arn: arn:aws:iam::111122223333:role/Proposed
    policies: [{ arn: "arn:aws:iam::111122223333:policy/Missing" }]
cases:
  - { name: a, principal: ghost, action: s3:GetObject, resource: "*", expect: allowed }
  - { name: b, principal: "arn:aws:iam::111122223333:user/stranger", action: s3:GetObject, resource: "*", expect: allowed }
`,
  { fileName: 'acct.iamspec.yaml' },
)
if (!loaded.ok) throw new Error(loaded.issues[0]!.message)
const suite = loaded.value

const policy: NamedPolicy = {
  name: 'p',
  document: {
    version: '2012-10-17',
    id: undefined,
    statements: [],
    span: { line: 0, column: 0, endLine: 0, endColumn: 0 },
  },
}
const resolver: AccountResolver = {
  getPrincipal: (arn) => (arn.endsWith('user/known') ? { policies: [policy] } : undefined),
  getManagedPolicy: () => undefined,
}

describe('accountProblems', () => {
  it('names everything left to the account, with its place, when no account is given', () => {
    const issues = accountProblems(suite, undefined)
    expect(issues.map((i) => `${i.span?.line} ${i.path}`)).toEqual([
      '4 principals.ghost',
      '6 principals.known',
      '9 principals.proposed.policies[0]',
      '12 cases[1].principal',
    ])
    expect(issues[0]!.message).toBe(
      'principal `arn:aws:iam::111122223333:role/Ghost` is left to the account (no `policies` in the suite): give an account snapshot with `--snapshot FILE`',
    )
    expect(issues.every((i) => i.file === 'acct.iamspec.yaml' && i.severity === 'error')).toBe(true)
  })

  it('names only what the account lacks, with the source explanation when it has one', () => {
    const issues = accountProblems(suite, {
      resolver,
      label: 'snapshot `s.json`',
      explainPrincipal: (arn) =>
        arn.endsWith('Ghost') ? 'role `Ghost` needs managed policy `X`' : undefined,
    })
    expect(issues.map((i) => i.message)).toEqual([
      'role `Ghost` needs managed policy `X`',
      'managed policy `arn:aws:iam::111122223333:policy/Missing` not found in snapshot `s.json`',
      'principal `arn:aws:iam::111122223333:user/stranger` not found in snapshot `s.json`',
    ])
  })
})
