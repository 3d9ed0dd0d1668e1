import type { Delivery, DeliveryLoop } from './delivery-loop.js';
import type { StreamRunReport } from './report.js';
import type { RecordSource } from './stream-source.js';

/** The handler a runner calls: any Lambda handler of the service's events. */
export type EventHandler<E> = (event: E) => unknown;

/** A local runner: feeds records `I` to a handler of events `E`, as the service and Lambda would. */
export type EventRunner<I, E, O> = (
  source: RecordSource<I>,
  handler: EventHandler<E>,
  options?: O,
) => Promise<StreamRunReport<I>>;

/**
 * The loop's `invoke`: one event holding the batch's records, as an event source mapping sends it.
 * Internal to core (the runners).
 *
 * @example new DeliveryLoop({ …, invoke: invokeWith(handler, (delivery) => toEventRecord(delivery)) })
 */
export function invokeWith<D, R>(
  handler: EventHandler<{ Records: R[] }>,
  toRecord: (delivery: D) => R,
): (batch: readonly D[]) => Promise<unknown> {
  return async (batch) => handler({ Records: batch.map(toRecord) });
}

/**
 * Puts every record of the source into the loop, in order, then delivers what is left: a run's
 * report. Internal to core (the runners).
 *
 * @example return feed(source, loop, (record) => deliveryOf(record));
 */
export async function feed<I, D extends Delivery<I>>(
  source: RecordSource<I>,
  loop: DeliveryLoop<I, D>,
  deliveryOf: (record: I) => D,
): Promise<StreamRunReport<I>> {
  // Only an invocation is awaited: a record that waits in its lane costs no promise.
  if (Symbol.asyncIterator in source) {
    for await (const record of source) {
      const invoking = loop.accept(deliveryOf(record));
      if (invoking) await invoking;
    }
    return loop.finish();
  }
  // A sync source (an array) is read without a promise per record either.
  for (const record of source) {
    const invoking = loop.accept(deliveryOf(record));
    if (invoking) await invoking;
  }
  return loop.finish();
}
