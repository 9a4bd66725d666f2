/**
 * The CLI's connection to AWS for `run --engine aws|both` and `snapshot`: an IAM client from
 * `--profile`, `--region` and `--aws-endpoint`, with credentials resolved up front so that missing
 * credentials stop the command (exit 2) instead of erroring every check. core/aws is imported only
 * when AWS is used.
 * @module
 */
import type { IAMClient } from '@aws-sdk/client-iam'

/** Where AWS calls go and as whom */
export interface AwsFlags {
  readonly profile?: string
  readonly region?: string
  readonly awsEndpoint?: string
}

/** An IAM client with credentials, or why there is none (`<code>: <message>`) */
export type AwsSession =
  | { readonly ok: true; readonly client: IAMClient }
  | { readonly ok: false; readonly message: string }

/** Creates the IAM client and resolves its credentials; the client is destroyed on failure */
export const openAwsSession = async (flags: AwsFlags): Promise<AwsSession> => {
  const { awsErrorText, createIamClient } = await import('../../core/aws/index.ts')
  const client = createIamClient({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.awsEndpoint ? { endpoint: flags.awsEndpoint } : {}),
  })
  try {
    await client.config.credentials()
    return { ok: true, client }
  } catch (error) {
    client.destroy()
    return {
      ok: false,
      message: `cannot resolve aws credentials (${awsErrorText(error)}): set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or \`--profile\`, or run \`aws sso login\``,
    }
  }
}

/** `<code>: <message>` of an AWS failure */
export const awsFailureText = async (error: unknown): Promise<string> => {
  const { awsErrorText } = await import('../../core/aws/index.ts')
  return awsErrorText(error)
}
