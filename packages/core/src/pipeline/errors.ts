/**
 * A stage returned a different number of records than it was given and did not account for the
 * difference (kept + dropped + rejected must equal what went in). This is a bug in the stage, so
 * the run stops rather than report a balanced account of records it lost.
 */
export class StageAccountingError extends Error {
  override readonly name = 'StageAccountingError';
  constructor(
    readonly stage: number,
    readonly received: number,
    readonly accounted: number,
  ) {
    super(
      `stage ${stage} received ${received} records but kept, dropped or rejected only ${accounted}; ` +
        'a stage must report every record it removes through context.drop or context.reject',
    );
  }
}

/** A batch decision returned a different number of outcomes than the records it was given. */
export class BatchOutcomeCountError extends Error {
  override readonly name = 'BatchOutcomeCountError';
  constructor(
    readonly outcomes: number,
    readonly records: number,
  ) {
    super(
      `batch stage returned ${outcomes} outcomes for ${records} records; return one outcome per record, in order`,
    );
  }
}
