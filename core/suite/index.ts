/**
 * The public API of core/suite: the suite schema and types, loading, expansion into checks, engines,
 * the runner and the run report.
 * @module
 */
export {
  type AccountResolver,
  type Resolved,
  type ResolvedPrincipal,
  resolvePolicyRef,
  resolvePolicyRefs,
  type UnresolvedReferences,
  unresolvedReferences,
} from './account-resolver.ts'
export { type Check, type CheckHop, checkId } from './check.ts'
export { inferKeyTypes, type KeyTypeLookup, mergeContexts, toRequestContext } from './context.ts'
export { type Engine, type EngineName, type EngineResult, isEngineError } from './engine.ts'
export { type ExpandOptions, type Expansion, expandSuite } from './expand.ts'
export { buildIdentity, findPrincipal, type PrincipalTarget } from './identity.ts'
export { SUITE_SCHEMA_PATH, suiteJsonSchema, suiteJsonSchemaText } from './json-schema.ts'
export {
  type LoadSuiteOptions,
  loadSuite,
  loadSuiteNode,
  loadSuiteValue,
  suiteFormatOf,
} from './load-suite.ts'
export {
  createLocalEngine,
  evaluateLocally,
  type LocalEngineOptions,
  toEngineDecision,
} from './local-engine.ts'
export { accountsNamed } from './organization.ts'
export { type FileReader, joinRelative } from './policy-refs.ts'
export { isServiceLinkedRole, type PrincipalArn, parsePrincipalArn } from './principal-arn.ts'
export {
  buildCheckResult,
  buildReport,
  type CheckOutcomes,
  type DivergenceExplainer,
  meetsExpectation,
  mergeReports,
  summarize,
} from './report.ts'
export {
  type CheckResult,
  type CheckStatus,
  type EngineDecision,
  type EngineOutcome,
  type EngineSkipped,
  type HopRefusal,
  isDecision,
  type ReportedStatement,
  type RunReport,
  type RunSummary,
  type StatementPosition,
} from './report-types.ts'
export { buildResourceModel, findFixture, resourceOwner } from './resource-model.ts'
export { judgeOf, type RunOptions, runChecks, runSuite, runSuites } from './run-suite.ts'
export { suiteSchema } from './schema.ts'
export { describeNode, formatPath, nodeAt, type SourcePath } from './source-path.ts'
export { decidingResult, type TracedCheck, type TracedHop, traceCheck } from './trace-check.ts'
export { isTrustAction, TRUST_ACTIONS } from './trust-actions.ts'
export type {
  CaseSpec,
  ContextEntrySpec,
  ContextSpec,
  ContextValueSpec,
  Expectation,
  GroupSpec,
  LoadedCase,
  LoadedGroup,
  LoadedHop,
  LoadedLevel,
  LoadedOrganization,
  LoadedPolicyRef,
  LoadedPrincipal,
  LoadedResource,
  LoadedSuite,
  OrganizationLevelSpec,
  OrganizationSpec,
  PolicyReferenceSpec,
  PrincipalSpec,
  ResourceSpec,
  SuiteFile,
  SuitePolicy,
  TypedContextValueSpec,
  ViaHopSpec,
} from './types.ts'
export { parseYamlSource } from './yaml-source.ts'
