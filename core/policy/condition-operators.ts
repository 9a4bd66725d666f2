/**
 * The canonical table of IAM condition operators and the parser for operator names with their
 * `ForAllValues:` / `ForAnyValue:` prefix and `IfExists` suffix. The evaluator uses the table to know
 * each operator's family and test.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @module
 */

/** The operator families of the condition operators page */
export type OperatorFamily = 'string' | 'numeric' | 'date' | 'boolean' | 'binary' | 'ip' | 'arn' | 'null'

/** What an operator compares; `negated` in ConditionOperatorInfo turns equals/like/ipRange into their Not form */
export type OperatorTest =
  | 'equals'
  | 'like'
  | 'lessThan'
  | 'lessThanEquals'
  | 'greaterThan'
  | 'greaterThanEquals'
  | 'ipRange'
  | 'null'

/** One base operator (no prefix, no IfExists) and how it behaves */
export interface ConditionOperatorInfo {
  /** The canonical spelling, e.g. `StringNotEqualsIgnoreCase` */
  readonly name: string
  readonly family: OperatorFamily
  readonly test: OperatorTest
  /** True for the Not operators: the result is inverted and a missing key makes them true */
  readonly negated: boolean
  /** True when values compare case-insensitively (`StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`) */
  readonly ignoreCase: boolean
  /** True when `*` and `?` in policy values are wildcards (String*Like and every Arn operator, per ARN part) */
  readonly wildcards: boolean
  /**
   * True when policy variables in values are substituted (String and Arn families). Bool is contested
   * (the operators page says yes, the variables page says no); it is false here
   */
  readonly variables: boolean
}

const op = (
  name: string,
  family: OperatorFamily,
  test: OperatorTest,
  flags: { negated?: boolean; ignoreCase?: boolean } = {},
): ConditionOperatorInfo => ({
  name,
  family,
  test,
  negated: flags.negated === true,
  ignoreCase: flags.ignoreCase === true,
  wildcards: test === 'like',
  variables: family === 'string' || family === 'arn',
})

/** Every base condition operator IAM documents, in the order of the operators page */
export const CONDITION_OPERATORS: readonly ConditionOperatorInfo[] = [
  op('StringEquals', 'string', 'equals'),
  op('StringNotEquals', 'string', 'equals', { negated: true }),
  op('StringEqualsIgnoreCase', 'string', 'equals', { ignoreCase: true }),
  op('StringNotEqualsIgnoreCase', 'string', 'equals', { negated: true, ignoreCase: true }),
  op('StringLike', 'string', 'like'),
  op('StringNotLike', 'string', 'like', { negated: true }),
  op('NumericEquals', 'numeric', 'equals'),
  op('NumericNotEquals', 'numeric', 'equals', { negated: true }),
  op('NumericLessThan', 'numeric', 'lessThan'),
  op('NumericLessThanEquals', 'numeric', 'lessThanEquals'),
  op('NumericGreaterThan', 'numeric', 'greaterThan'),
  op('NumericGreaterThanEquals', 'numeric', 'greaterThanEquals'),
  op('DateEquals', 'date', 'equals'),
  op('DateNotEquals', 'date', 'equals', { negated: true }),
  op('DateLessThan', 'date', 'lessThan'),
  op('DateLessThanEquals', 'date', 'lessThanEquals'),
  op('DateGreaterThan', 'date', 'greaterThan'),
  op('DateGreaterThanEquals', 'date', 'greaterThanEquals'),
  op('Bool', 'boolean', 'equals'),
  op('BinaryEquals', 'binary', 'equals'),
  op('IpAddress', 'ip', 'ipRange'),
  op('NotIpAddress', 'ip', 'ipRange', { negated: true }),
  // ArnEquals behaves exactly like ArnLike, and ArnNotEquals like ArnNotLike (each ARN part may use wildcards)
  op('ArnEquals', 'arn', 'like'),
  op('ArnLike', 'arn', 'like'),
  op('ArnNotEquals', 'arn', 'like', { negated: true }),
  op('ArnNotLike', 'arn', 'like', { negated: true }),
  op('Null', 'null', 'null'),
]

const BY_LOWER_NAME: ReadonlyMap<string, ConditionOperatorInfo> = new Map(
  CONDITION_OPERATORS.map((info) => [info.name.toLowerCase(), info]),
)

/** Looks up a base operator by name, case-insensitively */
export const findConditionOperator = (name: string): ConditionOperatorInfo | undefined =>
  BY_LOWER_NAME.get(name.toLowerCase())

/** The set operator prefixes for multivalued keys */
export type SetOperator = 'ForAllValues' | 'ForAnyValue'

/** An operator name split into its parts, with the base operator's table entry */
export interface ParsedOperator {
  /** The operator as written */
  readonly operator: string
  /** The canonical base name, e.g. `StringLike` for `forAnyValue:stringlikeifexists` */
  readonly baseOperator: string
  readonly setOperator: SetOperator | undefined
  readonly ifExists: boolean
  readonly info: ConditionOperatorInfo
}

const SET_PREFIXES: readonly SetOperator[] = ['ForAllValues', 'ForAnyValue']
const IF_EXISTS = 'ifexists'

/** Splits off a `ForAllValues:` / `ForAnyValue:` prefix (case-insensitive) */
const splitSetOperator = (text: string): { set: SetOperator | undefined; rest: string } => {
  const lower = text.toLowerCase()
  for (const set of SET_PREFIXES) {
    if (lower.startsWith(`${set.toLowerCase()}:`)) return { set, rest: text.slice(set.length + 1) }
  }
  return { set: undefined, rest: text }
}

/**
 * Parses an operator name such as `ForAnyValue:StringLikeIfExists`. Names match case-insensitively.
 * Returns undefined for unknown operators and for `NullIfExists` (Null takes no IfExists)
 */
export const parseConditionOperator = (operator: string): ParsedOperator | undefined => {
  const { set, rest } = splitSetOperator(operator)
  const direct = findConditionOperator(rest)
  if (direct !== undefined)
    return { operator, baseOperator: direct.name, setOperator: set, ifExists: false, info: direct }
  if (!rest.toLowerCase().endsWith(IF_EXISTS)) return undefined
  const base = findConditionOperator(rest.slice(0, -IF_EXISTS.length))
  if (base === undefined || base.family === 'null') return undefined
  return { operator, baseOperator: base.name, setOperator: set, ifExists: true, info: base }
}

/** Every valid spelling of an operator (with prefixes and IfExists), for did-you-mean suggestions */
export const allOperatorSpellings = (): readonly string[] => {
  const bases = CONDITION_OPERATORS.flatMap((info) =>
    info.family === 'null' ? [info.name] : [info.name, `${info.name}IfExists`],
  )
  return [...bases, ...SET_PREFIXES.flatMap((set) => bases.map((b) => `${set}:${b}`))]
}
