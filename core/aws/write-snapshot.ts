/**
 * `iamspec snapshot --out FILE`: the whole account as `aws iam get-account-authorization-details`
 * prints it (documents decoded to JSON objects, dates as the AWS CLI writes them), read with the
 * paged API and written through the snapshot code, so the file loads back as a snapshot.
 * @module
 */
import type { IAMClient } from '@aws-sdk/client-iam'
import { type AccountReadOptions, fetchAuthorizationDetails, snapshotOfDetails } from './live-account.ts'
import { type AuthorizationDetails, toAuthorizationDetails } from './snapshot/index.ts'

/** Reads the whole account into the AWS CLI's authorization-details form */
export const fetchSnapshot = async (
  client: IAMClient,
  options: AccountReadOptions = {},
): Promise<AuthorizationDetails> =>
  toAuthorizationDetails(snapshotOfDetails(await fetchAuthorizationDetails(client, [], options)))

/** The account as authorization-details JSON text (4-space indent, as the AWS CLI prints it) */
export const writeSnapshot = async (client: IAMClient, options: AccountReadOptions = {}): Promise<string> =>
  `${JSON.stringify(await fetchSnapshot(client, options), null, 4)}\n`
