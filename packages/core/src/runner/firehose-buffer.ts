import type { FirehoseEventRecord } from '../lambda/firehose-event.js';
import { rememberPayloadText, wellFormedText } from '../lambda/local-payload.js';
import { DeliveryStreamClosedError, DeliveryStreamOptionsError } from './errors.js';

/** The timer functions the buffer schedules its time flush with; inject fakes in tests. */
export interface FlushTimers {
  setTimeout(flush: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Firehose's buffering hints for a Lambda processor. */
export interface BufferingHints {
  /** Deliver once this many bytes of record data are buffered. Default 1 MiB, at most 3 MiB. */
  sizeBytes?: number;
  /** Deliver this long after the first record entered an empty buffer. Default 60 000 ms. */
  intervalMs?: number;
  /** Clock of the records' `approximateArrivalTimestamp`. Default `Date.now`. */
  now?: () => number;
  /** Default: the global `setTimeout`/`clearTimeout`, unref'd so a pending flush does not hold the process. */
  timers?: FlushTimers;
}

/** Receives each batch the buffer cuts, in order, one at a time. */
export type BatchDelivery = (records: FirehoseEventRecord[]) => Promise<void>;

const MiB = 1024 * 1024;
/** Firehose caps a Lambda processor's buffer at 3 MiB so the transformed response stays under 6 MB. */
const MAX_SIZE_BYTES = 3 * MiB;

const realTimers: FlushTimers = {
  setTimeout: (flush, ms) => setTimeout(flush, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Firehose's buffer in front of the transform Lambda: records get a recordId and an arrival time,
 * and are cut into batches by size (a batch never exceeds `sizeBytes` unless one record does) or by
 * time. Batches are delivered one after another; `put` waits while one is already queued behind the
 * batch being delivered, so a fast producer cannot grow memory without bound.
 *
 * @example
 * const buffer = new FirehoseBuffer('events', async (records) => deliver(records), { sizeBytes: 1_048_576 });
 * const [recordId] = await buffer.put([JSON.stringify(event)]);
 * await buffer.close(); // delivers what is left
 */
export class FirehoseBuffer {
  readonly #sizeBytes: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #timers: FlushTimers;
  #records: FirehoseEventRecord[] = [];
  #bytes = 0;
  #timer: unknown;
  #sequence = 0;
  #queued = 0;
  #delivering: Promise<void> = Promise.resolve();
  #failure: unknown;
  #closed = false;

  constructor(
    readonly stream: string,
    readonly deliver: BatchDelivery,
    hints: BufferingHints = {},
  ) {
    this.#sizeBytes = checkedHint(stream, 'sizeBytes', hints.sizeBytes ?? MiB, MAX_SIZE_BYTES);
    this.#intervalMs = checkedHint(stream, 'intervalMs', hints.intervalMs ?? 60_000, 900_000);
    this.#now = hints.now ?? Date.now;
    this.#timers = hints.timers ?? realTimers;
  }

  /** Buffers records (each the bytes or text of one record) and returns their recordIds. */
  async put(records: readonly (string | Uint8Array)[]): Promise<string[]> {
    if (this.#closed) throw new DeliveryStreamClosedError(this.stream);
    if (this.#queued > 1) await this.#delivering;
    return records.map((data) => this.#add(data));
  }

  /** Delivers what is buffered now and waits for every batch cut so far to be delivered. */
  async flush(): Promise<void> {
    this.#cut();
    await this.#delivering;
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Refuses further records, delivers the rest and waits for it (Firehose on stream deletion). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  #add(data: string | Uint8Array): string {
    // Text rides beside its base64 (under a symbol key, left out of a serialised request), so an
    // in-process transform need not decode what was just encoded.
    const text = typeof data === 'string' ? wellFormedText(data) : undefined;
    const bytes = text === undefined ? Buffer.from(data) : Buffer.from(text, 'utf8');
    if (this.#bytes > 0 && this.#bytes + bytes.length > this.#sizeBytes) this.#cut();
    const recordId = String(++this.#sequence).padStart(12, '0');
    const record = { recordId, approximateArrivalTimestamp: this.#now(), data: bytes.toString('base64') };
    this.#records.push(text === undefined ? record : rememberPayloadText(record, text));
    this.#bytes += bytes.length;
    if (this.#records.length === 1)
      this.#timer = this.#timers.setTimeout(() => this.#cut(), this.#intervalMs);
    if (this.#bytes >= this.#sizeBytes) this.#cut();
    return recordId;
  }

  /** Hands the buffered records to delivery, behind any batch still being delivered. */
  #cut(): void {
    if (this.#records.length === 0) return;
    this.#timers.clearTimeout(this.#timer);
    const batch = this.#records;
    this.#records = [];
    this.#bytes = 0;
    this.#queued++;
    this.#delivering = this.#delivering.then(() => this.#deliverBatch(batch));
  }

  async #deliverBatch(batch: FirehoseEventRecord[]): Promise<void> {
    try {
      await this.deliver(batch);
    } catch (error) {
      // Kept for flush/close to throw: the producer was already answered 200 for these records.
      this.#failure ??= error;
    } finally {
      this.#queued--;
    }
  }
}

function checkedHint(stream: string, name: string, value: number, max: number): number {
  if (Number.isInteger(value) && value > 0 && value <= max) return value;
  throw new DeliveryStreamOptionsError(stream, `${name} must be a whole number in [1, ${max}], got ${value}`);
}
