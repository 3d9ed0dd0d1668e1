import type { CsvReadOptions, CsvRecord, CsvSource, SourceRecord } from '@sluice/core';
import { openCsv } from '@sluice/core';

const BLANK_LINES = new Uint8Array(64 * 1024).fill(0x0a);

/**
 * Core's CSV reader, fed only the bytes the fast path hands it: the header, then each record
 * the byte scan cannot decide (quoted, ragged, oversized, not valid UTF-8). Those records are
 * thus read by the very code `filterStaleOrders` uses. Lines the fast path decided are replaced
 * by blank lines, which the reader counts but skips, so its line numbers stay the file's.
 */
export class GeneralRecordReader {
  #queue: Uint8Array[] = [];
  #ended = false;
  #wake: (() => void) | undefined;
  #records: AsyncIterator<SourceRecord<CsvRecord>> | undefined;
  /** The source line the reader has reached. */
  #line = 1;
  /** The open source; resolves once the header bytes were pushed (or the input ended). */
  readonly source: Promise<CsvSource>;

  constructor(options: CsvReadOptions) {
    this.source = openCsv(this.#input(), options);
    this.source.catch(() => undefined); // awaited by the fast path once the header is in
  }

  /** Passes source bytes through unchanged. */
  push(bytes: Uint8Array): void {
    if (bytes.length > 0) this.#queue.push(bytes);
    this.#wake?.();
  }

  /** Ends the input: a record without a terminator is read as the last one. */
  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  /** Tells the reader which source line the pushed bytes brought it to. */
  reached(line: number): void {
    this.#line = line;
  }

  /**
   * Starts reading the record that begins on `line`; push its bytes, then call the returned
   * function for its outcome. One record is read at a time, so the outcome is the next one.
   */
  async startRecord(line: number): Promise<() => Promise<SourceRecord<CsvRecord>>> {
    for (let gap = line - this.#line; gap > 0; gap -= BLANK_LINES.length) {
      this.#queue.push(BLANK_LINES.subarray(0, Math.min(gap, BLANK_LINES.length)));
    }
    this.#line = line;
    this.#records ??= (await this.source).records[Symbol.asyncIterator]();
    const next = this.#records.next();
    return async () => {
      const result = await next;
      if (result.done) throw new Error(`the CSV reader ended before the record on line ${line}`);
      return result.value;
    };
  }

  async *#input(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const bytes = this.#queue.shift();
      if (bytes !== undefined) yield bytes;
      else if (this.#ended) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
