export {
  type AthenaQueryScope,
  glueDatabase,
  glueTable,
  grantAthenaQueries,
  type QueryWorkGroupProps,
  queryWorkGroup,
} from './athena.js';
export { PipelineBucket, type PipelineBucketProps } from './bucket.js';
export { grantObjects, type ObjectAccess } from './bucket-grants.js';
export { bundleDir } from './bundles.js';
export { type StatesDefinition, stateMachineDefinition, withLocalItems } from './definitions.js';
export { type LeastPrivilegeScope, leastPrivilegeFindings, type TemplateJson } from './least-privilege.js';
export { failureQueue, onDemandStream } from './messaging.js';
export { acknowledge, awsSolutionsErrors, referenceApp } from './nag.js';
export { ensurePromiseWithResolvers } from './node20.js';
export {
  environmentParameters,
  type ParameterSpec,
  stackParameters,
  type TextParameterSpec,
} from './parameters.js';
export { type ParquetWasmFiles, SluiceFunction, type SluiceFunctionProps } from './sluice-function.js';
export { type TracedStateMachineProps, tracedStateMachine } from './state-machine.js';
export { type SynthesizedStack, synthForTest } from './testing.js';
