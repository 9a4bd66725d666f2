import { describe, expect, it } from 'vitest'
import { selectCases } from '../../../../cli/select/select-cases.ts'
import { loadSuite } from '../../../../core/suite/index.ts'

const load = (text: string) => {
  const r = loadSuite(text, { fileName: 's.iamspec.yaml' })
  if (!r.ok) throw new Error(r.issues[0]!.message)
  return r.value
}

const a = load(`suite: alpha
tags: [s3]
cases:
  - { name: reads, principal: anonymous, action: s3:GetObject, resource: "*", expect: implicitDeny }
  - { name: writes, principal: anonymous, action: s3:PutObject, resource: "*", expect: implicitDeny, tags: [write] }
`)
const b = load(`suite: beta
cases:
  - { name: reads, principal: anonymous, action: s3:GetObject, resource: "*", expect: implicitDeny, tags: [read] }
`)

const names = (filters: string[], tags: string[]) =>
  selectCases([a, b], { filters, tags }).flatMap((s) => s.cases.map((c) => `${s.id}/${c.name}`))

describe('selectCases', () => {
  it.each([
    [[], [], ['alpha/reads', 'alpha/writes', 'beta/reads']],
    [['alpha'], [], ['alpha/reads', 'alpha/writes']],
    [['reads'], [], ['alpha/reads', 'beta/reads']],
    [['beta/r*'], [], ['beta/reads']],
    [['writes', 'beta'], [], ['alpha/writes', 'beta/reads']],
    [[], ['s3'], ['alpha/reads', 'alpha/writes']],
    [[], ['READ'], ['beta/reads']],
    [['reads'], ['s3'], ['alpha/reads']],
    [['nothing'], [], []],
  ])('selects cases when filters are %j and tags %j', (filters, tags, expected) => {
    expect(names(filters, tags)).toEqual(expected)
  })

  it('keeps a suite object as is when all its cases are selected', () => {
    expect(selectCases([a], { filters: ['alpha'], tags: [] })[0]).toBe(a)
  })
})
