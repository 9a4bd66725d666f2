/**
 * The local server's AWS engine: the policy simulator with the caller's own credentials, when they can
 * be had; otherwise none, with a message saying why.
 * @module
 */
import { createAwsEngine, createIamClient } from '../../core/aws/index.ts'
import type { AwsEngineFactory } from '../../core/runs/engines.ts'

/** Where the AWS engine's calls go and as whom */
export interface LocalAwsOptions {
  readonly profile?: string
  readonly region?: string
  /** An IAM endpoint instead of iam.amazonaws.com (a local test endpoint) */
  readonly endpoint?: string
}

/** The outcome: a factory for the server, or the reason the engine is off */
export type LocalAwsEngine =
  | { readonly factory: AwsEngineFactory; readonly close: () => void }
  | { readonly disabled: string }

/**
 * Resolves credentials once through the SDK's default chain (never the EC2 metadata address: the
 * caller sets AWS_EC2_METADATA_DISABLED) and, when that works, builds the engine factory
 */
export const localAwsEngine = async (options: LocalAwsOptions): Promise<LocalAwsEngine> => {
  const client = createIamClient({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  })
  try {
    await client.config.credentials()
  } catch (error) {
    client.destroy()
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return {
      disabled: `no aws credentials (${reason}): the aws engine is disabled; runs use the local evaluator`,
    }
  }
  return { factory: () => createAwsEngine({ client }), close: () => client.destroy() }
}
