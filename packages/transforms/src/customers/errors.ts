/** Thrown when customer-value options cannot work (zero scale, thresholds out of order). */
export class InvalidCustomerValueOptionsError extends Error {
  override readonly name = 'InvalidCustomerValueOptionsError';
  constructor(readonly detail: string) {
    super(`invalid customer-value options: ${detail}`);
  }
}
