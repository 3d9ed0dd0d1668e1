/** Thrown when a metric document would break the CloudWatch Embedded Metric Format rules. */
export class EmfValidationError extends Error {
  override readonly name = 'EmfValidationError';
  constructor(
    readonly namespace: string,
    problem: string,
  ) {
    super(`EMF metrics in namespace "${namespace}": ${problem}`);
  }
}
