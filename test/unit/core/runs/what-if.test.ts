import { describe, expect, it } from 'vitest'
import { parseJsonSource } from '../../../../core/policy/index.ts'
import { loadWithReplacedPolicies } from '../../../../core/runs/what-if.ts'
import { parseYamlSource, runSuite } from '../../../../core/suite/index.ts'

const SUITE = `suite: what-if
principals:
  reader:
    arn: arn:aws:iam::111122223333:role/Reader
    policies:
      - name: read
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"
  other:
    arn: arn:aws:iam::111122223333:role/Other
cases:
  - name: reader cannot delete
    principal: reader
    action: s3:DeleteObject
    resource: arn:aws:s3:::b/k
    expect: denied
`

const tree = (yaml: string) => {
  const parsed = parseYamlSource(yaml)
  if (!parsed.ok) throw new Error('bad yaml')
  return parsed.value
}
const json = (text: string) => {
  const parsed = parseJsonSource(text)
  if (!parsed.ok) throw new Error('bad json')
  return parsed.value
}

describe('loadWithReplacedPolicies', () => {
  it('runs the suite with the proposed policies when a principal is replaced', async () => {
    const replace = json(
      '{"reader": [{"name": "proposed", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}',
    )
    const loaded = loadWithReplacedPolicies(tree(SUITE), replace, 'what-if.yaml')
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    const report = await runSuite(loaded.value)
    expect(report.results[0]).toMatchObject({ status: 'failed', local: { decision: 'allowed' } })
  })

  it('gives policies to a principal that had none when it is replaced', () => {
    const loaded = loadWithReplacedPolicies(tree(SUITE), json('{"other": []}'), 'what-if.yaml')
    expect(loaded.ok && loaded.value.principals.get('other')?.policies).toEqual([])
  })

  it('reports issues of proposed documents under replace with their request lines', () => {
    const replace = json(
      '{\n "reader": [\n  {"document": {"Version": "2012-10-17", "Statement": [{"Effect": "Nope", "Action": "s3:*", "Resource": "*"}]}}\n ]\n}',
    )
    const loaded = loadWithReplacedPolicies(tree(SUITE), replace, 'what-if.yaml')
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.issues[0]).toMatchObject({
      path: 'replace.reader[0].document.Statement[0].Effect',
      span: { line: 3 },
    })
    expect(loaded.issues[0]?.file).toBeUndefined()
  })

  it.each([
    ['an unknown principal', '{"nobody": []}', 'replace.nobody', 'unknown-principal'],
    ['a principal given an object', '{"reader": {}}', 'replace.reader', 'wrong-type'],
    ['replace given a list', '[]', 'replace', 'wrong-type'],
  ])('refuses %s', (_what, text, path, code) => {
    const loaded = loadWithReplacedPolicies(tree(SUITE), json(text), 'what-if.yaml')
    expect(loaded.ok).toBe(false)
    if (!loaded.ok) expect(loaded.issues[0]).toMatchObject({ path, code })
  })
})
