import { InvalidOptionsError } from '../errors.js';

/** Thrown when scoring options cannot produce a score in [0,1] (empty range, negative weight). */
export class InvalidMaintenanceOptionsError extends InvalidOptionsError {
  override readonly name = 'InvalidMaintenanceOptionsError';
  constructor(detail: string) {
    super('maintenance-priority', detail);
  }
}

/** Thrown when a batch id is asked for an empty batch, which has nothing to derive it from. */
export class EmptyBatchError extends Error {
  override readonly name = 'EmptyBatchError';
  constructor() {
    super('cannot derive a batch id from an empty batch');
  }
}
