import type { ObjectStore } from '@sluice/core/storage';
import { type BotDetectorOptions, BotDetectorOptionsError, windowSettings } from '@sluice/transforms/bots';
import { BotStreamConfigError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The pipeline's bucket, `EVENTS_BUCKET` on S3; a missing one throws {@link BotStreamConfigError}.
 * There is no local-folder fallback: the local run hands the handler its store, and a deployed
 * handler that silently wrote state and quarantine to a Lambda's disk would lose them.
 *
 * @example const store = await storeFromEnvironment(); // S3ObjectStore on Lambda
 */
export async function storeFromEnvironment(env: Env = process.env): Promise<ObjectStore> {
  const bucket = requiredSetting(env, 'EVENTS_BUCKET');
  const { S3ObjectStore } = await import('@sluice/sinks/s3');
  return new S3ObjectStore({ bucket });
}

const WHOLE = /^\d+$/;
const SETTINGS = {
  WINDOW_MS: 'windowMs',
  SLIDE_MS: 'slideMs',
  ALLOWED_LATENESS_MS: 'allowedLatenessMs',
  FLAG_THRESHOLD: 'flagThreshold',
  ALERT_THRESHOLD: 'alertThreshold',
  MAX_FUTURE_MS: 'maxFutureMs',
  JUMP_CONFIRMATIONS: 'jumpConfirmations',
} as const;

/**
 * Detector settings from `WINDOW_MS`, `SLIDE_MS`, `ALLOWED_LATENESS_MS`, `FLAG_THRESHOLD`,
 * `ALERT_THRESHOLD`, `MAX_FUTURE_MS`, `JUMP_CONFIRMATIONS` (whole numbers; absent ones keep the
 * detector's defaults). A value outside the detector's range throws {@link BotStreamConfigError}
 * naming the variable and the range.
 *
 * @example detectorFromEnvironment({ WINDOW_MS: '10000', ALERT_THRESHOLD: '10' })
 */
export function detectorFromEnvironment(env: Env): BotDetectorOptions {
  const options: BotDetectorOptions = {};
  for (const [name, option] of Object.entries(SETTINGS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!WHOLE.test(value))
      throw new BotStreamConfigError(`environment ${name} must be a whole number, got "${value}"`);
    options[option] = Number(value);
  }
  try {
    windowSettings(options);
  } catch (error) {
    if (!(error instanceof BotDetectorOptionsError)) throw error;
    const name = Object.entries(SETTINGS).find(([, option]) => option === error.option)?.[0];
    throw new BotStreamConfigError(`environment ${name}: ${error.message}`, { cause: error });
  }
  return options;
}

/**
 * A required variable, or a {@link BotStreamConfigError} naming it.
 *
 * @example const table = requiredSetting(process.env, 'TABLE_NAME');
 */
export function requiredSetting(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new BotStreamConfigError(`environment ${name} is required`);
  return value;
}
