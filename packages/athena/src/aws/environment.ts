import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';
import type { AthenaEngineOptions } from './options.js';

/** The Athena settings a deployment gives a handler through its environment. */
export type AthenaEnvironmentSettings = Pick<
  AthenaEngineOptions,
  'workGroup' | 'database' | 'outputLocation'
>;

/**
 * Reads `ATHENA_WORKGROUP`, `ATHENA_DATABASE` (or the variable `databaseVariable` names) and
 * `ATHENA_OUTPUT_LOCATION` (an `s3://` URL); unset ones are left out, a bad one is core's
 * `ConfigurationError` naming it.
 *
 * @example const engine = createAthenaEngine({ idempotent: true, ...athenaSettingsFromEnvironment(process.env) });
 */
export function athenaSettingsFromEnvironment(
  env: EnvironmentVariables = process.env,
  options: { databaseVariable?: string } = {},
): AthenaEnvironmentSettings {
  const read = handlerEnvironment(env);
  const workGroup = read.optional('ATHENA_WORKGROUP');
  const database = read.optional(options.databaseVariable ?? 'ATHENA_DATABASE');
  const outputLocation = read.matching('ATHENA_OUTPUT_LOCATION', /^s3:\/\/[^/]+\/.*$/, 'an s3:// URL');
  return {
    ...(workGroup !== undefined && { workGroup }),
    ...(database !== undefined && { database }),
    ...(outputLocation !== undefined && { outputLocation }),
  };
}
