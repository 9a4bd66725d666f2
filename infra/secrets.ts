/**
 * The app's secrets. `AdminTokenHash` is the SHA-256 (hex) of the admin token, the one credential that may
 * call `/admin/*` (create teams and their tokens). It has no default: a deploy fails until it is set with
 * `npx sst secret set AdminTokenHash <sha256 hex> --stage <stage>` (docs/deploy.md).
 * @module
 */
import { RESOURCE_NAMES } from './resource-names.ts'

/** The app's secrets */
export interface Secrets {
  readonly adminTokenHash: sst.Secret
}

/** Declares the secrets */
export const createSecrets = (): Secrets => ({
  adminTokenHash: new sst.Secret(RESOURCE_NAMES.adminTokenHash),
})
