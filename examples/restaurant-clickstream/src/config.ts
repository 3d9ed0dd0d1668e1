import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';

/** Settings of the Firehose transform Lambda. */
export interface EnrichConfig {
  metricsNamespace: string;
}

/** Settings of the insights Lambda (Athena). */
export interface InsightsConfig {
  database?: string;
  workGroup?: string;
  outputLocation?: string;
}

/**
 * Reads the transform Lambda's settings; a bad value fails the cold start naming the variable.
 *
 * @example enrichConfigFromEnv({ CLICKS_METRICS_NAMESPACE: 'Restaurant' }) // { metricsNamespace: 'Restaurant' }
 */
export function enrichConfigFromEnv(env: EnvironmentVariables): EnrichConfig {
  return { metricsNamespace: handlerEnvironment(env).optional('CLICKS_METRICS_NAMESPACE') ?? 'Sluice' };
}

/**
 * Reads the insights Lambda's Athena settings (`CLICKS_DATABASE`, `ATHENA_WORKGROUP`,
 * `ATHENA_OUTPUT_LOCATION`).
 *
 * @example insightsConfigFromEnv({ CLICKS_DATABASE: 'clickstream' }) // { database: 'clickstream' }
 */
export function insightsConfigFromEnv(env: EnvironmentVariables): InsightsConfig {
  const read = handlerEnvironment(env);
  const database = read.optional('CLICKS_DATABASE');
  const workGroup = read.optional('ATHENA_WORKGROUP');
  const outputLocation = read.matching('ATHENA_OUTPUT_LOCATION', /^s3:\/\/[^/]+\/.*$/, 'an s3:// URL');
  return {
    ...(database !== undefined && { database }),
    ...(workGroup !== undefined && { workGroup }),
    ...(outputLocation !== undefined && { outputLocation }),
  };
}
