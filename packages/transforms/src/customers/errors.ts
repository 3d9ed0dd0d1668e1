import { InvalidOptionsError } from '../errors.js';

/** Thrown when customer-value options cannot work (zero scale, thresholds out of order). */
export class InvalidCustomerValueOptionsError extends InvalidOptionsError {
  override readonly name = 'InvalidCustomerValueOptionsError';
  constructor(detail: string) {
    super('customer-value', detail);
  }
}
