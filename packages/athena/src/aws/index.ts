export { createAthenaEngine } from './athena-engine.js';
export { type AthenaEnvironmentSettings, athenaSettingsFromEnvironment } from './environment.js';
export {
  AthenaDeadlineError,
  AthenaDecodeError,
  type AthenaErrorCategory,
  type AthenaFailure,
  AthenaParameterError,
  AthenaQueryError,
  AthenaRequestError,
} from './errors.js';
export { toExecutionParameters } from './execution-parameters.js';
export type { AthenaEngineOptions } from './options.js';
export { athenaCostUsd } from './stats.js';
