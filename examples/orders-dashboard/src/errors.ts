/** Thrown at cold start when an environment variable of the pipeline holds a bad value. */
export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
  constructor(
    readonly variable: string,
    readonly detail: string,
  ) {
    super(`environment variable ${variable}: ${detail}`);
  }
}

/** Thrown when a dashboard query shipped with the pipeline is not where or what it should be. */
export class DashboardQueryError extends Error {
  override readonly name = 'DashboardQueryError';
}
