/** Thrown when scoring options cannot produce a score in [0,1] (empty range, negative weight). */
export class InvalidMaintenanceOptionsError extends Error {
  override readonly name = 'InvalidMaintenanceOptionsError';
  constructor(readonly detail: string) {
    super(`invalid maintenance-priority options: ${detail}`);
  }
}

/** Thrown when a batch id is asked for an empty batch, which has nothing to derive it from. */
export class EmptyBatchError extends Error {
  override readonly name = 'EmptyBatchError';
  constructor() {
    super('cannot derive a batch id from an empty batch');
  }
}
