/**
 * The local IAM evaluator: decides requests the way AWS does and explains why.
 * @module
 */
export { type AssumeRoleOutcome, assumeRole, evaluateCheck, policySetFor } from './check.ts'
export { contextKey } from './context-key.ts'
export { contextValue, singleValue } from './context-value.ts'
export { type DecisionFacts, type DecisionOutcome, decide } from './decide.ts'
export { deriveContext, derivedContext, principalArnOf } from './derive-context.ts'
export { type EvaluateInternalOptions, evaluate } from './evaluate.ts'
export { compileActionList, serviceOf } from './match/action.ts'
export { type PrincipalForm, principalNames } from './match/principal.ts'
export { arnPatternToRegExp } from './match/resource.ts'
export type { AssumeRoleHop, CheckInput, Identity, ResourceModel } from './model.ts'
export { parseTemplate, substituteVariables } from './policy-variables.ts'
export { REASONS, type ReasonCode } from './trace/reasons.ts'
export { explainDecision, renderTrace } from './trace/render-text.ts'
export type * from './types.ts'
