import type { Rejection } from '../outcome/outcome.js';
import { fieldTooLarge, recordTooLarge, unterminatedQuote } from './csv-rejections.js';
import type { CsvRowCollector } from './csv-row-collector.js';
import {
  AFTER_QUOTE,
  CR,
  type CsvScannerSettings,
  countLineFeeds,
  FIELD_START,
  IN_QUOTES,
  LF,
  QUOTE,
  QUOTE_SEEN,
  UNQUOTED,
} from './csv-scan-shape.js';

export type { CsvRecord, CsvScannerSettings } from './csv-scan-shape.js';

/**
 * A resumable RFC 4180 scanner. Text arrives in pieces through {@link feed}; the first non-blank
 * record becomes the header, and later records and rejections go to a {@link CsvRowCollector}.
 *
 * Unquoted records that lie wholly in the buffer take a fast path (indexOf + split). Quoted
 * records and records cut by a chunk boundary go through a character state machine that keeps
 * its place between pieces, so no text is scanned twice and an oversized record is abandoned
 * (skipped to its end, then rejected) instead of buffered.
 */
export class CsvScanner {
  header: string[] | undefined;
  headerRaw = '';
  /** Line on which the header record starts; rejections before or at it are header problems. */
  headerLine = 0;
  lineTerminator: '\n' | '\r\n' | undefined;

  readonly #settings: CsvScannerSettings;
  readonly #rows: CsvRowCollector;
  readonly #delimiterCode: number;
  #buf = '';
  #pos = 0; // start of the current record in #buf
  #line = 1; // line on which the current record starts
  #nextQuote = -1; // first quote at or after #pos, Infinity if none; -1 = not looked up yet
  // State of the slow scanner, valid while #slow.
  #slow = false;
  #cursor = 0;
  #state = FIELD_START;
  #fields: string[] = [];
  #fieldStart = 0;
  #quotedEnd = 0;
  #newlines = 0;
  #skipped: Rejection | undefined;

  constructor(settings: CsvScannerSettings, rows: CsvRowCollector) {
    this.#settings = settings;
    this.#rows = rows;
    this.#delimiterCode = settings.delimiter.charCodeAt(0);
  }

  /** Scans the next piece of text; a record left incomplete waits for the next piece. */
  feed(text: string): void {
    const shift = this.#pos;
    this.#buf = shift < this.#buf.length ? this.#buf.slice(shift) + text : text;
    this.#pos = 0;
    this.#cursor -= shift;
    this.#fieldStart -= shift;
    this.#quotedEnd -= shift;
    this.#nextQuote = -1;
    this.#scan(false);
  }

  /** Ends the input: the last record may lack a terminator; an open quote is rejected. */
  finish(): void {
    this.#scan(true);
    this.#rows.end();
  }

  #scan(final: boolean): void {
    for (;;) {
      if (this.#slow) {
        if (!this.#scanSlow(final)) return;
        continue;
      }
      if (this.#pos >= this.#buf.length) return;
      const lf = this.#buf.indexOf('\n', this.#pos);
      if (lf === -1 || this.#quoteBefore(lf)) this.#startSlow();
      else this.#takeUnquoted(lf);
    }
  }

  #quoteBefore(lf: number): boolean {
    if (this.#nextQuote < this.#pos) {
      const quote = this.#buf.indexOf('"', this.#pos);
      this.#nextQuote = quote === -1 ? Number.POSITIVE_INFINITY : quote;
    }
    return this.#nextQuote < lf;
  }

  /** Fast path: a whole record without quotes. */
  #takeUnquoted(lf: number): void {
    const start = this.#pos;
    const crlf = lf > start && this.#buf.charCodeAt(lf - 1) === CR;
    const end = crlf ? lf - 1 : lf;
    const line = this.#line++;
    this.#pos = lf + 1;
    if (end === start) return; // a blank line is not a record
    this.lineTerminator ??= crlf ? '\r\n' : '\n';
    const { maxRecordLength, maxFieldLength, delimiter } = this.#settings;
    if (end - start > maxRecordLength) {
      this.#reject(recordTooLarge(this.#place(line), maxRecordLength));
      return;
    }
    if (this.header !== undefined) {
      this.#rows.addUnquoted(this.#buf, start, end, line);
      return;
    }
    const text = this.#buf.slice(start, end);
    const fields = text.split(delimiter);
    if (end - start > maxFieldLength) {
      const column = fields.findIndex((field) => field.length > maxFieldLength);
      if (column !== -1) {
        this.#reject(this.#fieldTooLarge(line, column));
        return;
      }
    }
    this.#accept(fields, line, start, end, text);
  }

  #startSlow(): void {
    this.#slow = true;
    this.#cursor = this.#pos;
    this.#fieldStart = this.#pos;
    this.#state = FIELD_START;
    this.#fields = [];
    this.#newlines = 0;
    this.#skipped = undefined;
  }

  /** Slow path; returns true when the record ended (or the input did). */
  #scanSlow(final: boolean): boolean {
    const buf = this.#buf;
    const length = buf.length;
    const delimiter = this.#delimiterCode;
    let i = this.#cursor;
    let state = this.#state;
    while (i < length) {
      if (state === IN_QUOTES) {
        const quote = buf.indexOf('"', i);
        const stop = quote === -1 ? length : quote;
        this.#newlines += countLineFeeds(buf, i, stop);
        i = quote === -1 ? length : quote + 1;
        if (quote !== -1) state = QUOTE_SEEN;
        continue;
      }
      const code = buf.charCodeAt(i);
      if (state === FIELD_START || state === QUOTE_SEEN) {
        if (code === QUOTE) {
          state = IN_QUOTES;
          i++;
          continue;
        }
        if (state === QUOTE_SEEN) this.#quotedEnd = i - 1;
        state = state === QUOTE_SEEN ? AFTER_QUOTE : UNQUOTED;
      }
      if (code === delimiter) {
        this.#endField(i, state);
        state = FIELD_START;
        this.#fieldStart = ++i;
      } else if (code === LF) {
        this.#endRecord(i, state);
        return true;
      } else i++;
    }
    this.#cursor = i;
    this.#state = state;
    if (final) this.#endInput();
    else this.#checkPartial();
    return final;
  }

  #endField(end: number, state: number): void {
    if (this.#skipped) return;
    const start = this.#fieldStart;
    if (end - start > this.#settings.maxFieldLength) {
      this.#skipped = this.#fieldTooLarge(this.#line, this.#fields.length);
      this.#fields = [];
      return;
    }
    if (state !== AFTER_QUOTE) {
      this.#fields.push(this.#buf.slice(start, end));
      return;
    }
    const inner = this.#buf.slice(start + 1, this.#quotedEnd);
    const value = inner.includes('""') ? inner.replaceAll('""', '"') : inner;
    this.#fields.push(this.#quotedEnd + 1 < end ? value + this.#buf.slice(this.#quotedEnd + 1, end) : value);
  }

  /** Ends the record whose terminator (LF, or the end of input) is at `stop`. */
  #endRecord(stop: number, state: number): void {
    const start = this.#pos;
    const crlf = stop > this.#fieldStart && this.#buf.charCodeAt(stop - 1) === CR;
    const end = crlf ? stop - 1 : stop;
    const line = this.#line;
    this.#endField(end, state); // before the line moves on: a rejection here names this record's line
    this.#line += 1 + this.#newlines;
    this.#pos = Math.min(stop + 1, this.#buf.length);
    this.#slow = false;
    if (this.#skipped) {
      this.#reject(this.#skipped);
      return;
    }
    const fields = this.#fields;
    if (fields.length === 1 && end === start) return; // blank line
    if (stop < this.#buf.length) this.lineTerminator ??= crlf ? '\r\n' : '\n';
    const max = this.#settings.maxRecordLength;
    if (end - start > max) {
      this.#reject(recordTooLarge(this.#place(line), max));
      return;
    }
    this.#accept(fields, line, start, end);
  }

  #endInput(): void {
    if (this.#state === IN_QUOTES && !this.#skipped) {
      const column = this.#fields.length + 1;
      this.#slow = false;
      this.#reject(unterminatedQuote(this.#place(this.#line), column, this.#buf.slice(this.#pos)));
      this.#pos = this.#buf.length;
      return;
    }
    if (this.#state === QUOTE_SEEN) {
      this.#quotedEnd = this.#buf.length - 1;
      this.#state = AFTER_QUOTE;
    }
    this.#endRecord(this.#buf.length, this.#state);
  }

  /** A record cut by the end of the buffer: give it up if it is already too large. */
  #checkPartial(): void {
    const { maxFieldLength, maxRecordLength } = this.#settings;
    const length = this.#buf.length;
    if (!this.#skipped && length - this.#fieldStart > maxFieldLength) {
      this.#skipped = this.#fieldTooLarge(this.#line, this.#fields.length);
    } else if (!this.#skipped && length - this.#pos > maxRecordLength) {
      this.#skipped = recordTooLarge(this.#place(this.#line), maxRecordLength);
    }
    if (!this.#skipped) return;
    // Skipping: keep only the quote state, drop the text read so far.
    this.#fields = [];
    this.#pos = length;
    this.#cursor = length;
    this.#fieldStart = length;
  }

  /** Takes a parsed record; `text` is its source when already sliced, else it is sliced on demand. */
  #accept(fields: string[], line: number, start: number, end: number, text?: string): void {
    if (this.header !== undefined) {
      this.#rows.add(fields, line, this.#buf, start, end, text);
      return;
    }
    this.header = fields;
    this.headerRaw = text ?? this.#buf.slice(start, end);
    this.headerLine = line;
    this.#rows.begin(fields);
  }

  #reject(rejection: Rejection): void {
    this.#rows.reject(rejection);
  }

  #fieldTooLarge(line: number, index: number): Rejection {
    return fieldTooLarge(this.#place(line), index + 1, this.header?.[index], this.#settings.maxFieldLength);
  }

  #place(line: number) {
    return { file: this.#settings.file, line };
  }
}
