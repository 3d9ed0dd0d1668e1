import type { Delivery, DeliveryLoop } from './delivery-loop.js';
import type { StreamRunReport } from './report.js';

/**
 * Records that arrive a chunk at a time (a PutRecords call, a read of a file): the runner takes each
 * chunk's records without a promise per record, where an async iterable of records costs one each.
 *
 * @example await runKinesisStream({ chunks: readChunks(file) }, handler);
 */
export interface RecordChunks<I> {
  readonly chunks: AsyncIterable<readonly I[]>;
}

/** Whether a source hands its records over in chunks. */
export function isChunked<I>(source: object): source is RecordChunks<I> {
  return 'chunks' in source;
}

/**
 * Puts every record of every chunk into the loop, in order, then delivers what is left: a run's
 * report (as `feed` does for a source of single records). Internal to core (the runners).
 *
 * @example return feedChunks(source.chunks, loop, (record) => deliveryOf(record));
 */
export async function feedChunks<I, D extends Delivery<I>>(
  chunks: AsyncIterable<readonly I[]>,
  loop: DeliveryLoop<I, D>,
  deliveryOf: (record: I) => D,
): Promise<StreamRunReport<I>> {
  for await (const chunk of chunks) {
    for (const record of chunk) {
      const invoking = loop.accept(deliveryOf(record));
      if (invoking) await invoking;
    }
  }
  return loop.finish();
}
