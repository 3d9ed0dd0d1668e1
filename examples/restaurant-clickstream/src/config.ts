import * as z from 'zod/mini';
import { InvalidConfigurationError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

const name = () => z.optional(z.string().check(z.minLength(1, 'must not be empty')));

const EnrichEnv = z.object({
  /** CloudWatch namespace of the run-report metrics. Default `Sluice`. */
  CLICKS_METRICS_NAMESPACE: name(),
});

const InsightsEnv = z.object({
  CLICKS_DATABASE: name(),
  ATHENA_WORKGROUP: name(),
  ATHENA_OUTPUT_LOCATION: z.optional(z.string().check(z.regex(/^s3:\/\/[^/]+\/.*$/, 'must be an s3:// URL'))),
});

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
export function enrichConfigFromEnv(env: Env): EnrichConfig {
  const { CLICKS_METRICS_NAMESPACE } = checked(EnrichEnv, env);
  return { metricsNamespace: CLICKS_METRICS_NAMESPACE ?? 'Sluice' };
}

/**
 * Reads the insights Lambda's Athena settings (`CLICKS_DATABASE`, `ATHENA_WORKGROUP`,
 * `ATHENA_OUTPUT_LOCATION`).
 *
 * @example insightsConfigFromEnv({ CLICKS_DATABASE: 'clickstream' }) // { database: 'clickstream' }
 */
export function insightsConfigFromEnv(env: Env): InsightsConfig {
  const { CLICKS_DATABASE, ATHENA_WORKGROUP, ATHENA_OUTPUT_LOCATION } = checked(InsightsEnv, env);
  return {
    ...(CLICKS_DATABASE !== undefined && { database: CLICKS_DATABASE }),
    ...(ATHENA_WORKGROUP !== undefined && { workGroup: ATHENA_WORKGROUP }),
    ...(ATHENA_OUTPUT_LOCATION !== undefined && { outputLocation: ATHENA_OUTPUT_LOCATION }),
  };
}

function checked<T>(schema: z.ZodMiniType<T>, env: Env): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidConfigurationError(String(issue?.path[0] ?? 'environment'), issue?.message ?? '');
}
