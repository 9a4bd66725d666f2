import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, startTestServer, type TestServer } from './server-fixture.ts'
import { bucketSuite } from './suite-texts.ts'

describe('POST /validate', () => {
  let srv: TestServer
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    srv = await startTestServer()
    api = client(srv.url, srv.teamToken)
    expect((await api.post('/suites', bucketSuite('stored'))).status).toBe(201)
  })
  afterAll(async () => {
    await srv.dispose()
  })

  it('runs a suite body and stores nothing when given a body', async () => {
    const answer = await api.post('/validate', { body: bucketSuite('adhoc') })
    expect(answer.status).toBe(200)
    expect(answer.body.summary).toEqual({ total: 10, passed: 9, failed: 1, errors: 0, divergent: 0 })
    expect(answer.body.results).toHaveLength(10)
    expect(answer.body.results[0]).toMatchObject({
      suite: 'adhoc',
      status: 'passed',
      local: { decision: 'allowed' },
    })
    expect((await api.get('/suites/adhoc')).status).toBe(404)
    expect((await api.get('/runs')).body.items).toEqual([])
  })

  it('runs a json suite body when the body is json', async () => {
    const json = JSON.stringify({
      suite: 'json-adhoc',
      principals: { u: { arn: 'arn:aws:iam::111122223333:user/u', policies: [] } },
      cases: [
        {
          name: 'nothing allowed',
          principal: 'u',
          action: 's3:GetObject',
          resource: '*',
          expect: 'implicitDeny',
        },
      ],
    })
    const answer = await api.post('/validate', { body: json })
    expect(answer.body.summary).toMatchObject({ total: 1, passed: 1 })
  })

  it('swaps in proposed policies of a stored suite when given replace', async () => {
    const answer = await api.post('/validate', {
      suiteId: 'stored',
      replace: {
        writer: [
          {
            name: 'proposed',
            document: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
                  Resource: '*',
                },
              ],
            },
          },
        ],
      },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.summary).toMatchObject({ total: 10, passed: 9, failed: 1 })
    const failed = answer.body.results.filter((r: { status: string }) => r.status === 'failed')
    expect(failed).toEqual([
      expect.objectContaining({
        case: 'writer cannot delete',
        local: expect.objectContaining({ decision: 'allowed' }),
      }),
    ])
    expect(failed[0].local.matchedStatements[0].policy).toBe('proposed')
    const stored = await api.get('/suites/stored')
    expect(stored.body.version).toBe(1)
  })

  it('points into the request body when a proposed policy is invalid', async () => {
    const text = `{
  "suiteId": "stored",
  "replace": {
    "writer": [
      { "document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Permit", "Action": "s3:*", "Resource": "*" } ] } }
    ]
  }
}`
    const answer = await api.post('/validate', text, 'application/json')
    expect(answer.status).toBe(400)
    expect(answer.body.error.issues[0]).toMatchObject({
      code: 'invalid-effect',
      path: 'replace.writer[0].document.Statement[0].Effect',
      line: 5,
    })
    expect(answer.body.error.issues[0].file).toBeUndefined()
  })

  it('refuses unknown principals, unknown suites and malformed requests', async () => {
    const unknown = await api.post('/validate', { suiteId: 'stored', replace: { nobody: [] } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.issues[0]).toMatchObject({ code: 'unknown-principal', path: 'replace.nobody' })
    expect((await api.post('/validate', { suiteId: 'missing', replace: {} })).status).toBe(404)
    expect((await api.post('/validate', { body: 'suite: [' })).status).toBe(400)
    expect((await api.post('/validate', { something: 'else' })).status).toBe(400)
    expect((await api.post('/validate', '[1,2', 'application/json')).status).toBe(400)
  })
})
