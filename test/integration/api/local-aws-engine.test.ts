import { afterEach, describe, expect, it } from 'vitest'
import { localAwsEngine } from '../../../functions/local/aws-engine.ts'
import { startIamEndpoint } from '../../support/iam-endpoint/index.ts'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

const withoutCredentials = () => {
  for (const key of Object.keys(process.env))
    if (key.startsWith('AWS_') && key !== 'AWS_EC2_METADATA_DISABLED') delete process.env[key]
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials'
  process.env.AWS_CONFIG_FILE = '/nonexistent/config'
  process.env.AWS_EC2_METADATA_DISABLED = 'true'
}

describe('localAwsEngine', () => {
  it('disables the AWS engine with a clear message when there are no credentials', async () => {
    withoutCredentials()
    const aws = await localAwsEngine({ endpoint: 'http://127.0.0.1:9' })
    expect('disabled' in aws && aws.disabled).toMatch(/no aws credentials.*aws engine is disabled/)
  })

  it('builds an engine that reaches the IAM endpoint when credentials are present', async () => {
    withoutCredentials()
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE'
    process.env.AWS_SECRET_ACCESS_KEY = 'secret'
    const endpoint = await startIamEndpoint()
    try {
      const aws = await localAwsEngine({ endpoint: endpoint.url })
      if (!('factory' in aws)) throw new Error(`expected an engine, got: ${aws.disabled}`)
      const engine = aws.factory({ teamId: 'team', suiteId: 'suite', engines: ['local', 'aws'] })
      expect('name' in engine && engine.name).toBe('aws')
      aws.close()
    } finally {
      await endpoint.close()
    }
  })
})
