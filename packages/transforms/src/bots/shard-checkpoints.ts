import { BotDetectorStateError } from './errors.js';

/** Where a stream record sits: its shard and its sequence number (decimal digits, often beyond 2^53). */
export interface StreamPoint {
  shard: string;
  sequenceNumber: string;
}

const DIGITS = /^\d{1,256}$/;

/** Whether `value` is a sequence number: decimal digits, compared as the big integer they are. */
export const isSequenceNumber = (value: unknown): value is string =>
  typeof value === 'string' && DIGITS.test(value);

/**
 * The highest sequence number applied per shard. A record at or below its shard's checkpoint was
 * applied already: a redelivered or overlapping batch is skipped record by record.
 *
 * @example
 * if (checkpoints.isApplied(point)) return dropped('duplicate');
 * apply(record);
 * checkpoints.advance(point);
 */
export class ShardCheckpoints {
  readonly #highest = new Map<string, string>();

  isApplied({ shard, sequenceNumber }: StreamPoint): boolean {
    const highest = this.#highest.get(shard);
    // As big integers, never as JS numbers, which round past 2^53.
    return highest !== undefined && BigInt(sequenceNumber) <= BigInt(highest);
  }

  /** Records `point` as applied (a lower one changes nothing). */
  advance(point: StreamPoint): void {
    if (!isSequenceNumber(point.sequenceNumber))
      throw new BotDetectorStateError(
        `sequence number of shard ${point.shard} must be decimal digits, got "${point.sequenceNumber}"`,
      );
    if (!this.isApplied(point)) this.#highest.set(point.shard, point.sequenceNumber);
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.#highest);
  }

  /** Replaces the checkpoints with `saved` (as {@link toJSON} gave them). */
  restore(saved: Record<string, string>): void {
    this.#highest.clear();
    for (const [shard, sequenceNumber] of Object.entries(saved)) this.#highest.set(shard, sequenceNumber);
  }
}
