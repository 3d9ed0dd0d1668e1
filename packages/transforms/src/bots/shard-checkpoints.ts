import { BotSequenceNumberError } from './errors.js';

/** Where a stream record sits: its shard and its sequence number (decimal digits, often beyond 2^53). */
export interface StreamPoint {
  shard: string;
  sequenceNumber: string;
}

const DIGITS = /^\d{1,256}$/;

/**
 * Orders two sequence numbers as the big integers they are (never as JS numbers, which round past
 * 2^53): negative when `a` comes first, 0 when equal, positive after.
 *
 * @example compareSequenceNumbers('49590338271490256608559692538361571095921575989136588898', '9') // > 0
 */
export function compareSequenceNumbers(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Whether `value` is a sequence number as {@link compareSequenceNumbers} reads it. */
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
    return highest !== undefined && compareSequenceNumbers(sequenceNumber, highest) <= 0;
  }

  /** Records `point` as applied (a lower one changes nothing). */
  advance(point: StreamPoint): void {
    if (!isSequenceNumber(point.sequenceNumber)) throw new BotSequenceNumberError(point);
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
