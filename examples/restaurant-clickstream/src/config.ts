import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';

/** Settings of the Firehose transform Lambda. */
export interface EnrichConfig {
  metricsNamespace: string;
}

/**
 * Reads the transform Lambda's settings; a bad value fails the cold start naming the variable.
 *
 * @example enrichConfigFromEnv({ CLICKS_METRICS_NAMESPACE: 'Restaurant' }) // { metricsNamespace: 'Restaurant' }
 */
export function enrichConfigFromEnv(env: EnvironmentVariables): EnrichConfig {
  return { metricsNamespace: handlerEnvironment(env).optional('CLICKS_METRICS_NAMESPACE') ?? 'Sluice' };
}
