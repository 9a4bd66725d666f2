/**
 * A local IAM endpoint speaking the AWS Query protocol, for tests and benchmarks of the AWS engine.
 * @module
 */
export { type AccountDetails, toWire } from './account.ts'
export { list, parseQuery, type QueryParams, type QueryValue, str, strings, struct } from './query-params.ts'
export {
  type IamEndpoint,
  type IamEndpointOptions,
  type IamEndpointSettings,
  type InjectedFailure,
  type RecordedCall,
  startIamEndpoint,
} from './server.ts'
export { evaluationResults, resourceTemplate, simulationPage } from './simulate.ts'
export { answerPair, type PairAnswer } from './simulate-decide.ts'
export {
  type DecisionRule,
  isFailure,
  type QueryFailure,
  type ResponseShape,
  readSimulationRequest,
  type SimulationRequest,
  type SimulationState,
  type SimulatorAction,
  type StatementJson,
} from './simulate-request.ts'
export { errorXml, escapeXml, IAM_NAMESPACE, responseXml } from './xml.ts'
