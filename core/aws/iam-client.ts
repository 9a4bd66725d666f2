/**
 * The IAM client the AWS engine uses: the SDK's default credential chain (environment, shared config
 * and credentials files, SSO, container and instance roles), an optional named profile, IAM's global
 * region (us-east-1 unless told), an optional endpoint (a local IAM endpoint in tests) and the SDK's
 * own retries turned off (maxAttempts 1), so that the engine's backoff is the only retry layer.
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
 * @module
 */
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam'

/** How to reach IAM */
export interface IamClientOptions {
  /** A profile of the shared config and credentials files (as AWS_PROFILE would name it) */
  readonly profile?: string
  /** The signing region; IAM is global, default `us-east-1` */
  readonly region?: string
  /** An endpoint URL instead of `https://iam.amazonaws.com` (a local IAM endpoint for tests) */
  readonly endpoint?: string
  /** Explicit credentials (tests pass static ones); default: the SDK's provider chain */
  readonly credentials?: IAMClientConfig['credentials']
}

/** IAM's region for signing in the `aws` partition */
export const IAM_DEFAULT_REGION = 'us-east-1'

/** Creates an IAM client with SDK retries off (the engine retries) */
export const createIamClient = (options: IamClientOptions = {}): IAMClient =>
  new IAMClient({
    region: options.region ?? IAM_DEFAULT_REGION,
    maxAttempts: 1,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  })
