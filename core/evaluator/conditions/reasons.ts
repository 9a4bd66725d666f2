/**
 * Reason codes for condition trace nodes and the codes of condition evaluation errors.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @module
 */

/** Every reason a condition test can give for its outcome, with a one-line explanation */
export const REASONS = {
  'condition-matched': 'the request values satisfied the operator',
  'condition-not-matched': 'the request values did not satisfy the operator',
  'key-missing': 'the key is absent from the request context: false, or true for a negated operator',
  'key-no-values': 'the key is present with no values: false, or true for a negated operator',
  'if-exists-key-missing': 'the key is absent, so the IfExists condition is true',
  'for-all-values-empty': 'ForAllValues is true when the key is absent, empty or only empty strings',
  'for-any-value-empty': 'ForAnyValue is false when the key is absent, empty or only empty strings',
  'null-key-absent': 'the key is absent or null, which Null compares with its policy value',
  'null-key-present': 'the key is present, which Null compares with its policy value',
  'variable-unresolved': 'a policy variable had no value, so its policy value matched nothing',
  'value-invalid': 'a policy or request value is not valid for the operator and matched nothing',
  'operator-unknown': 'the operator is not a known condition operator, so the condition is false',
} as const

/** A reason code of a condition trace node */
export type ConditionReason = keyof typeof REASONS

/** Codes of the errors condition evaluation records (never throws) */
export type ConditionErrorCode =
  | 'condition-operator-unknown'
  | 'condition-policy-value-invalid'
  | 'condition-request-value-invalid'
  | 'condition-variable-multivalued'
