import * as z from 'zod/mini';
import { InvalidConfigurationError } from './errors.js';

const EnvSchema = z.object({
  /** `YYYY-MM-DD`; absent means "today" by the handler's clock. */
  ORDERS_AS_OF: z.optional(z.iso.date()),
  ORDERS_MAX_AGE_DAYS: z.optional(z.string().check(z.regex(/^\d+$/, 'must be a whole number'))),
  /** IANA zone the order dates and `asOf` are read in; default UTC. */
  ORDERS_TIME_ZONE: z.optional(z.string().check(z.minLength(1))),
});

/** The stale-order settings a deployment sets through environment variables. */
export interface FilterConfig {
  asOf?: string;
  maxAgeDays?: number;
  timeZone?: string;
}

/**
 * Reads the handler's settings from the environment (`ORDERS_AS_OF`, `ORDERS_MAX_AGE_DAYS`,
 * `ORDERS_TIME_ZONE`); a bad value fails the cold start with a message naming the variable.
 *
 * @example filterConfigFromEnv({ ORDERS_MAX_AGE_DAYS: '45' }) // { maxAgeDays: 45 }
 */
export function filterConfigFromEnv(env: Readonly<Record<string, string | undefined>>): FilterConfig {
  const checked = EnvSchema.safeParse(env);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InvalidConfigurationError(String(issue?.path[0] ?? 'environment'), issue?.message ?? '');
  }
  const { ORDERS_AS_OF, ORDERS_MAX_AGE_DAYS, ORDERS_TIME_ZONE } = checked.data;
  return {
    ...(ORDERS_AS_OF !== undefined && { asOf: ORDERS_AS_OF }),
    ...(ORDERS_MAX_AGE_DAYS !== undefined && { maxAgeDays: Number(ORDERS_MAX_AGE_DAYS) }),
    ...(ORDERS_TIME_ZONE !== undefined && { timeZone: ORDERS_TIME_ZONE }),
  };
}
