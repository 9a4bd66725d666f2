/**
 * The evaluator's registry of condition operators, keyed by canonical base operator name and looked
 * up case-insensitively. Independent of the policy validator's table on purpose.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @module
 */
import type { ConditionOperator } from './operator.ts'
import { ARN_OPERATORS } from './operators/arn.ts'
import { BINARY_OPERATORS } from './operators/binary.ts'
import { BOOLEAN_OPERATORS } from './operators/bool.ts'
import { DATE_OPERATORS } from './operators/date.ts'
import { IP_OPERATORS } from './operators/ip.ts'
import { NULL_OPERATORS } from './operators/null.ts'
import { NUMERIC_OPERATORS } from './operators/numeric.ts'
import { STRING_OPERATORS } from './operators/string.ts'

/** Every operator the evaluator knows, family by family in the order of the operators page */
export const CONDITION_OPERATOR_REGISTRY: readonly ConditionOperator[] = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOLEAN_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS,
  ...NULL_OPERATORS,
]

const BY_NAME: ReadonlyMap<string, ConditionOperator> = new Map(
  CONDITION_OPERATOR_REGISTRY.map((op) => [op.name.toLowerCase(), op]),
)

/** Finds a base operator (no prefix, no IfExists) by name, ignoring case; undefined when unknown */
export const findConditionOperator = (baseOperator: string): ConditionOperator | undefined =>
  BY_NAME.get(baseOperator.toLowerCase())
