import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';

/** The stale-order settings a deployment sets through environment variables. */
export interface FilterConfig {
  asOf?: string;
  maxAgeDays?: number;
  timeZone?: string;
}

/**
 * Reads the handler's settings from the environment (`ORDERS_AS_OF` `YYYY-MM-DD`, absent meaning
 * "today" by the handler's clock; `ORDERS_MAX_AGE_DAYS`; `ORDERS_TIME_ZONE`, the IANA zone order
 * dates and `asOf` are read in, default UTC); a bad value fails the cold start naming the variable.
 *
 * @example filterConfigFromEnv({ ORDERS_MAX_AGE_DAYS: '45' }) // { maxAgeDays: 45 }
 */
export function filterConfigFromEnv(env: EnvironmentVariables): FilterConfig {
  const read = handlerEnvironment(env);
  const asOf = read.date('ORDERS_AS_OF');
  const maxAgeDays = read.wholeNumber('ORDERS_MAX_AGE_DAYS');
  const timeZone = read.optional('ORDERS_TIME_ZONE');
  return {
    ...(asOf !== undefined && { asOf }),
    ...(maxAgeDays !== undefined && { maxAgeDays }),
    ...(timeZone !== undefined && { timeZone }),
  };
}
