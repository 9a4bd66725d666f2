/**
 * The deploy-time ARNs the permission sets of infra/permissions.ts are placed on: the table, its GSI, the
 * run queue, and the IAM principals and policies of the deploying account (IAM ARNs have no region).
 * @module
 */
import type { ServiceArns } from './permissions.ts'
import { TABLE_INDEX_NAME } from './resource-names.ts'

/** The ARNs of this stage's resources and of its account's IAM entities */
export const deployedArns = (
  table: sst.aws.Dynamo,
  runQueue: sst.aws.Queue,
): ServiceArns<$util.Output<string>> => {
  const account = aws.getCallerIdentityOutput({}).accountId
  const partition = aws.getPartitionOutput({}).partition
  return {
    table: table.arn,
    tableIndex: $interpolate`${table.arn}/index/${TABLE_INDEX_NAME}`,
    runQueue: runQueue.arn,
    accountRoles: $interpolate`arn:${partition}:iam::${account}:role/*`,
    accountUsers: $interpolate`arn:${partition}:iam::${account}:user/*`,
    accountGroups: $interpolate`arn:${partition}:iam::${account}:group/*`,
    accountPolicies: $interpolate`arn:${partition}:iam::${account}:policy/*`,
    awsManagedPolicies: $interpolate`arn:${partition}:iam::aws:policy/*`,
  }
}
