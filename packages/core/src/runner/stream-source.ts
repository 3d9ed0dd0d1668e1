import type { EventPayload } from '../testing/aws-events.js';

export { payloadBytes } from '../testing/aws-events.js';

/** Records the runner reads: an async iterable (a generator, a file reader) or a plain array. */
export type RecordSource<I> = AsyncIterable<I> | Iterable<I>;

/** A payload: text (UTF-8), bytes, or a value serialised as JSON. */
export type RecordPayload = EventPayload;
