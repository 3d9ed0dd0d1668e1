import { ConfigurationError, type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';
import { type BotDetectorOptions, BotDetectorOptionsError, windowSettings } from '@sluice/transforms/bots';

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
 * detector's defaults). A value outside the detector's range throws a `ConfigurationError` naming
 * the variable and the range.
 *
 * @example detectorFromEnvironment({ WINDOW_MS: '10000', ALERT_THRESHOLD: '10' })
 */
export function detectorFromEnvironment(env: EnvironmentVariables): BotDetectorOptions {
  const read = handlerEnvironment(env);
  const options: BotDetectorOptions = {};
  for (const [name, option] of Object.entries(SETTINGS)) {
    const value = read.wholeNumber(name);
    if (value !== undefined) options[option] = value;
  }
  try {
    windowSettings(options);
  } catch (error) {
    if (!(error instanceof BotDetectorOptionsError)) throw error;
    const name = Object.entries(SETTINGS).find(([, option]) => option === error.option)?.[0] ?? 'WINDOW_MS';
    throw new ConfigurationError(name, `is out of range: ${error.message}`, { cause: error });
  }
  return options;
}
