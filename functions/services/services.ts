/**
 * The services a request is served with. On AWS they are built once per container from the config
 * (DynamoDB, SQS); the local server registers its own (dynalite, the in-process queue) under the
 * `requestContext.apiId` of the events it makes, so the very same handler serves both.
 * @module
 */
import type { RunDeps } from '../../core/runs/run-deps.ts'

/** Everything a handler calls out to */
export interface Services extends RunDeps {
  /** sha256 hex of the admin token; undefined disables the admin routes */
  readonly adminTokenHash?: string
  /** The most checks a synchronous `POST /validate` may evaluate */
  readonly maxValidateChecks?: number
}

/** The default limit of checks of one `POST /validate` */
export const DEFAULT_MAX_VALIDATE_CHECKS = 20_000

const registry = new Map<string, Services>()
let aws: Promise<Services> | undefined

/** Registers services for events carrying this `requestContext.apiId` (the local server) */
export const registerServices = (apiId: string, services: Services): void => {
  registry.set(apiId, services)
}

/** Removes registered services */
export const unregisterServices = (apiId: string): void => {
  registry.delete(apiId)
}

/** The services built from the AWS configuration, once per process */
export const awsServices = (): Promise<Services> => {
  aws ??= import('./aws-services.ts')
    .then((m) => m.createAwsServices())
    .catch((error: unknown) => {
      aws = undefined
      throw error
    })
  return aws
}

/** The services for an event: the registered ones for its apiId, else the AWS ones */
export const servicesFor = async (event: {
  readonly requestContext?: { readonly apiId?: string }
}): Promise<Services> => {
  const apiId = event.requestContext?.apiId
  const registered = apiId ? registry.get(apiId) : undefined
  return registered ?? awsServices()
}
