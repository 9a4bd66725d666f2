/**
 * The public API of core/policy: source trees, issues, JSON parsing, policy validation, ARNs and the
 * condition operator table.
 * @module
 */
export { type ArnParts, checkResourcePattern, hasWildcardChar, isKnownPartition, parseArn } from './arn.ts'
export {
  allOperatorSpellings,
  CONDITION_OPERATORS,
  type ConditionOperatorInfo,
  findConditionOperator,
  type OperatorFamily,
  type OperatorTest,
  type ParsedOperator,
  parseConditionOperator,
  type SetOperator,
} from './condition-operators.ts'
export {
  type ConditionValueKind,
  checkConditionValue,
  isEpochSeconds,
  isIpOrCidr,
  isIsoDate,
} from './condition-values.ts'
export { didYouMean, editDistance, suggestName } from './did-you-mean.ts'
export { formatIssue, formatPlace, type Issue, type IssueCode, type Result } from './issue.ts'
export * from './lint/index.ts'
export { formatPath, parseJsonSource } from './parse-json.ts'
export {
  decodePolicyDocumentText,
  parsePolicyNode,
  parsePolicyText,
  parsePolicyValue,
} from './parse-policy.ts'
export { POLICY_KIND_RULES, type PolicyKindRules } from './policy-kind-rules.ts'
export { countPolicyCharacters, findDisallowedCharacter, POLICY_SIZE_LIMITS } from './policy-size.ts'
export {
  fromPlainValue,
  NO_SPAN,
  type SourceEntry,
  type SourceNode,
  type Span,
  scalarText,
  toPlainValue,
} from './source-node.ts'
export type {
  ConditionTest,
  NamedPolicy,
  PolicyDocument,
  PolicyKind,
  PolicyVersion,
  PrincipalSet,
  Statement,
} from './types.ts'
export { checkActionPattern, validateActionList, validateResourceList } from './validate-action-resource.ts'
export { validateCondition } from './validate-condition.ts'
export { POLICY_ELEMENTS, POLICY_VERSIONS, resultFromIssues, validatePolicy } from './validate-policy.ts'
export {
  checkAwsPrincipal,
  PRINCIPAL_KEYS,
  type PrincipalKey,
  validatePrincipal,
} from './validate-principal.ts'
export { STATEMENT_ELEMENTS, validateStatement } from './validate-statement.ts'
