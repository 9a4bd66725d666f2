/**
 * ARNs: `arn:partition:service:region:account:resource`, split into parts, and the rules a
 * Resource / NotResource entry must follow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @module
 */

/** The six colon-separated parts of an ARN (the `arn` prefix is implied) */
export interface ArnParts {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  /** Everything after the fifth colon; may itself hold colons and slashes */
  readonly resource: string
}

/** The AWS partitions: aws, aws-cn, aws-us-gov, the isolated aws-iso* regions and aws-eusc */
const PARTITION = /^aws(-cn|-us-gov|-iso(-[a-z])?|-eusc)?$/

/** True for a known partition name (no wildcards) */
export const isKnownPartition = (partition: string): boolean => PARTITION.test(partition)

/** True when the text holds an IAM wildcard character (`*` or `?`) */
export const hasWildcardChar = (text: string): boolean => text.includes('*') || text.includes('?')

/**
 * Splits an ARN into its parts, or returns undefined when the text does not start with `arn:` or has
 * fewer than six colon-separated parts. Colons inside a policy variable (`${aws:username}`) do not split
 */
export const parseArn = (text: string): ArnParts | undefined => {
  if (!text.startsWith('arn:')) return undefined
  const cuts: number[] = [3]
  let depth = 0
  for (let i = 4; i < text.length && cuts.length < 5; i++) {
    const c = text[i]
    if (c === '$' && text[i + 1] === '{') {
      depth++
      i++
    } else if (c === '}' && depth > 0) depth--
    else if (c === ':' && depth === 0) cuts.push(i)
  }
  if (cuts.length < 5) return undefined
  const [a, b, c, d, e] = cuts as [number, number, number, number, number]
  return {
    partition: text.slice(a + 1, b),
    service: text.slice(b + 1, c),
    region: text.slice(c + 1, d),
    account: text.slice(d + 1, e),
    resource: text.slice(e + 1),
  }
}

const SERVICE = /^[a-z0-9-]+$/i

/**
 * A Resource entry with fewer than six parts whose last part ends in `*` (`arn:aws:sqs:*`): that `*`
 * ends its part, so it may run past the colons that follow, as AWS's own policy templates rely on.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
const parseShortArn = (text: string): ArnParts | undefined => {
  if (!text.startsWith('arn:') || !text.endsWith('*')) return undefined
  const [, partition = '', service = '', region = '*', account = '*'] = text.split(':')
  if (service === '' || service.endsWith('*')) return undefined
  return { partition, service, region, account, resource: '*' }
}

/**
 * Checks one Resource / NotResource entry: `*` or an ARN with a known (or wildcarded) partition and a
 * literal service. Returns a problem message, or undefined when the entry is valid
 */
export const checkResourcePattern = (text: string): string | undefined => {
  if (text === '*') return undefined
  const arn = parseArn(text) ?? parseShortArn(text)
  if (arn === undefined) {
    return `\`${text}\` is not \`*\` or an ARN of the form \`arn:partition:service:region:account:resource\``
  }
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html: variables only
  // in the resource part (after the fifth colon)
  if ([arn.partition, arn.service, arn.region, arn.account].some((part) => part.includes('${'))) {
    return `a policy variable may appear only in the resource part of \`${text}\` (after the fifth colon)`
  }
  if (!isKnownPartition(arn.partition) && !hasWildcardChar(arn.partition)) {
    return `unknown partition \`${arn.partition}\` in \`${text}\``
  }
  if (hasWildcardChar(arn.service)) return `wildcards are not allowed in the service part of \`${text}\``
  if (!SERVICE.test(arn.service)) return `invalid service \`${arn.service}\` in \`${text}\``
  return undefined
}
