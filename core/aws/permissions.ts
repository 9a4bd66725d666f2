/**
 * The IAM actions iamspec's AWS side calls, for the policy of whoever runs it (a developer, CI, the
 * service's Lambda role).
 * @module
 */

/** One permission and what needs it */
export interface AwsPermission {
  readonly action: string
  readonly neededFor: 'aws engine' | 'live principals' | 'snapshot'
  readonly why: string
}

/** Every IAM action iamspec may call, with its use */
export const AWS_PERMISSIONS: readonly AwsPermission[] = [
  {
    action: 'iam:SimulatePrincipalPolicy',
    neededFor: 'aws engine',
    why: 'simulate principals that exist in the account (suites that give no `policies`)',
  },
  {
    action: 'iam:SimulateCustomPolicy',
    neededFor: 'aws engine',
    why: 'simulate principals whose policies the suite defines',
  },
  {
    action: 'iam:GetAccountAuthorizationDetails',
    neededFor: 'live principals',
    why: 'read users, groups, roles and managed policies for the local engine (and for `iamspec snapshot`)',
  },
  {
    action: 'iam:GetPolicy',
    neededFor: 'live principals',
    why: 'read a managed policy named by ARN that no principal has attached',
  },
  {
    action: 'iam:GetPolicyVersion',
    neededFor: 'live principals',
    why: "read that policy's default version",
  },
]

/** The IAM actions the caller needs for everything iamspec does on AWS */
export const SIMULATOR_PERMISSIONS: readonly string[] = AWS_PERMISSIONS.map((p) => p.action)

/** A least-privilege identity policy for the caller, as JSON text */
export const callerPolicyJson = (actions: readonly string[] = SIMULATOR_PERMISSIONS): string =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Sid: 'IamspecAwsEngine', Effect: 'Allow', Action: actions, Resource: '*' }],
    },
    null,
    2,
  )
