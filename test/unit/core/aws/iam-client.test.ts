import { describe, expect, it } from 'vitest'
import { createIamClient } from '../../../../core/aws/iam-client.ts'
import { AWS_PERMISSIONS, callerPolicyJson, SIMULATOR_PERMISSIONS } from '../../../../core/aws/permissions.ts'

describe('createIamClient', () => {
  it('signs for us-east-1, turns SDK retries off and takes an endpoint and credentials', async () => {
    const client = createIamClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    })
    expect(await client.config.region()).toBe('us-east-1')
    expect(await client.config.maxAttempts()).toBe(1)
    const endpoint = await client.config.endpoint?.()
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe('http://127.0.0.1:9')
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'AKID' })
    client.destroy()
  })

  it('passes a named profile and a region to the SDK', async () => {
    const client = createIamClient({ profile: 'audit', region: 'us-gov-west-1' })
    expect(client.config.profile).toBe('audit')
    expect(await client.config.region()).toBe('us-gov-west-1')
    client.destroy()
  })
})

describe('SIMULATOR_PERMISSIONS', () => {
  it('lists the IAM actions iamspec calls, and a policy granting them', () => {
    expect(SIMULATOR_PERMISSIONS).toEqual([
      'iam:SimulatePrincipalPolicy',
      'iam:SimulateCustomPolicy',
      'iam:GetAccountAuthorizationDetails',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
    ])
    expect(AWS_PERMISSIONS.every((p) => p.why.length > 0)).toBe(true)
    expect(JSON.parse(callerPolicyJson()).Statement[0].Action).toEqual(SIMULATOR_PERMISSIONS)
  })
})
