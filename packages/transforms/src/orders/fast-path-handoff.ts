import type { CsvRecord, SourceRecord } from '@sluice/core';
import type { GeneralRecordReader } from './fast-path-reader.js';
import { RecordBoundary } from './fast-path-records.js';

/** A record handed over when it is settled: the line the scan resumes at, and the record to await. */
export interface SettledRecord {
  nextLine: number;
  outcome: () => Promise<SourceRecord<CsvRecord>>;
}

/**
 * Hands one record at a time from a byte scan to the general reader: the scan starts a record it
 * cannot decide, feeds bytes until the record's end (quoted line breaks included), then settles it
 * and resumes at the line after it. Shared by the stale-order and bot-detection fast paths.
 *
 * @example
 * await handoff.start(line);
 * const end = handoff.feed(bytes, from); // -1 while the record goes on past this chunk
 */
export class GeneralRecordHandoff {
  readonly #reader: GeneralRecordReader;
  readonly #boundary: RecordBoundary;
  #pending: { line: number; outcome: () => Promise<SourceRecord<CsvRecord>> } | undefined;

  constructor(reader: GeneralRecordReader, delimiter: number) {
    this.#reader = reader;
    this.#boundary = new RecordBoundary(delimiter);
  }

  /** True while a record is with the general reader. */
  get active(): boolean {
    return this.#pending !== undefined;
  }

  async start(line: number): Promise<void> {
    this.#boundary.reset();
    this.#pending = { line, outcome: await this.#reader.startRecord(line) };
  }

  /** Feeds the record's bytes from `from`; returns where its line ends + 1, or -1 if it goes on. */
  feed(bytes: Buffer, from: number): number {
    const lf = this.#boundary.find(bytes, from);
    this.#reader.push(bytes.subarray(from, lf < 0 ? bytes.length : lf + 1));
    return lf < 0 ? -1 : lf + 1;
  }

  /** Ends the pending record (if any): the reader learns where the scan resumes. */
  settle(): SettledRecord | undefined {
    const pending = this.#pending;
    if (!pending) return undefined;
    const nextLine = pending.line + this.#boundary.lineFeedsInside + 1;
    this.#reader.reached(nextLine);
    this.#pending = undefined;
    return { nextLine, outcome: pending.outcome };
  }
}
