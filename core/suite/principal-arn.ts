/**
 * What a principal's `arn` says about the caller (suite-format.md, "Principals"): an IAM user, a
 * role (used through a session), a role session, a federated user session, an account root, or
 * an anonymous caller.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 * @module
 */

/** A principal ARN split into what the suite layer needs */
export type PrincipalArn =
  | {
      readonly kind: 'user' | 'role'
      readonly arn: string
      readonly partition: string
      readonly account: string
      /** The IAM path, `/` when none (`/aws-service-role/…` for service-linked roles) */
      readonly path: string
      readonly name: string
    }
  | {
      readonly kind: 'assumedRole'
      readonly arn: string
      readonly partition: string
      readonly account: string
      readonly roleName: string
      readonly sessionName: string
      /** The role's ARN without its path (a session ARN does not carry it) */
      readonly roleArn: string
    }
  | {
      readonly kind: 'federatedUser'
      readonly arn: string
      readonly partition: string
      readonly account: string
      readonly name: string
    }
  | { readonly kind: 'root'; readonly arn: string; readonly partition: string; readonly account: string }
  | { readonly kind: 'anonymous'; readonly arn: 'anonymous' }

const IAM_ENTITY = /^arn:([a-z-]+):iam::(\d{12}):(user|role)(\/(?:[^/]+\/)*)?([^/]+)$/
const IAM_ROOT = /^arn:([a-z-]+):iam::(\d{12}):root$/
const ASSUMED_ROLE = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/
const FEDERATED_USER = /^arn:([a-z-]+):sts::(\d{12}):federated-user\/([^/]+)$/

/** Reads a principal ARN (or `anonymous`); undefined when it is not one of the forms a suite accepts */
export const parsePrincipalArn = (text: string): PrincipalArn | undefined => {
  if (text === 'anonymous') return { kind: 'anonymous', arn: 'anonymous' }
  const entity = IAM_ENTITY.exec(text)
  if (entity) {
    const [, partition, account, kind, path, name] = entity as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    return { kind: kind as 'user' | 'role', arn: text, partition, account, path: path ?? '/', name }
  }
  const root = IAM_ROOT.exec(text)
  if (root) return { kind: 'root', arn: text, partition: root[1]!, account: root[2]! }
  const session = ASSUMED_ROLE.exec(text)
  if (session) {
    const [, partition, account, roleName, sessionName] = session as unknown as [
      string,
      string,
      string,
      string,
      string,
    ]
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`
    return { kind: 'assumedRole', arn: text, partition, account, roleName, sessionName, roleArn }
  }
  const federated = FEDERATED_USER.exec(text)
  if (federated) {
    return {
      kind: 'federatedUser',
      arn: text,
      partition: federated[1]!,
      account: federated[2]!,
      name: federated[3]!,
    }
  }
  return undefined
}

/** The account of a principal; undefined for anonymous callers */
export const principalAccount = (p: PrincipalArn): string | undefined =>
  p.kind === 'anonymous' ? undefined : p.account

/** True for a service-linked role (path `/aws-service-role/`), which SCPs never limit */
export const isServiceLinkedRole = (p: PrincipalArn): boolean =>
  p.kind === 'role' && p.path.startsWith('/aws-service-role/')

/** The session ARN of a role: `arn:P:sts::A:assumed-role/R/S` */
export const roleSessionArn = (
  p: { readonly partition: string; readonly account: string; readonly name: string },
  sessionName: string,
): string => `arn:${p.partition}:sts::${p.account}:assumed-role/${p.name}/${sessionName}`
