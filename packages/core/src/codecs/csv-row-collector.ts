import type { Rejection, SourceRecord } from '../outcome/outcome.js';
import { fieldTooLarge, raggedRow } from './csv-rejections.js';
import type { CsvRecord, CsvScannerSettings } from './csv-scan-shape.js';

/**
 * Where the scanner puts the data records it reads (it keeps the header itself). The checks every
 * reader shares live here: a too-long field, then a field count other than the header's.
 * Subclasses decide how a good record is stored: one object per row, or straight into columns.
 */
export abstract class CsvRowCollector {
  protected header: string[] = [];

  constructor(protected readonly settings: CsvScannerSettings) {}

  /** The header's fields, as read: their count is the width every record must have. */
  begin(header: string[]): void {
    this.header = header;
  }

  /** A record without quotes, lying wholly in `buf[start, end)` (no terminator). */
  addUnquoted(buf: string, start: number, end: number, line: number): void {
    const text = buf.slice(start, end);
    const fields = text.split(this.settings.delimiter);
    const max = this.settings.maxFieldLength;
    if (end - start > max) {
      const column = fields.findIndex((field) => field.length > max);
      if (column !== -1) {
        this.reject(fieldTooLarge({ file: this.settings.file, line }, column + 1, this.header[column], max));
        return;
      }
    }
    this.add(fields, line, buf, start, end, text);
  }

  /** A record already split; `text` is its source when already sliced from `buf[start, end)`. */
  add(fields: string[], line: number, buf: string, start: number, end: number, text?: string): void {
    if (fields.length === this.header.length) {
      this.accept(fields, line, buf, start, end, text);
      return;
    }
    const raw = text ?? buf.slice(start, end);
    this.reject(raggedRow({ file: this.settings.file, line }, this.header.length, fields.length, raw));
  }

  /** The input ended: no more records will come. */
  end(): void {}

  /** The earliest rejection waiting to be taken, if no row precedes it: a sign of an unreadable header. */
  abstract firstRejection(): Rejection | undefined;
  abstract reject(rejection: Rejection): void;
  protected abstract accept(
    fields: string[],
    line: number,
    buf: string,
    start: number,
    end: number,
    text?: string,
  ): void;
}

/** `openCsv`'s collector: one `SourceRecord` per row or rejection, in input order. */
export class CsvRecordList extends CsvRowCollector {
  #out: SourceRecord<CsvRecord>[] = [];

  /** Hands over the rows and rejections found so far. */
  take(): SourceRecord<CsvRecord>[] {
    const found = this.#out;
    this.#out = [];
    return found;
  }

  firstRejection(): Rejection | undefined {
    const first = this.#out[0];
    return first && !first.ok ? first.rejection : undefined;
  }

  reject(rejection: Rejection): void {
    this.#out.push({ ok: false, rejection });
  }

  protected accept(fields: string[], line: number, buf: string, start: number, end: number, text?: string) {
    const position = { kind: 'file' as const, file: this.settings.file, line };
    const value: CsvRecord = this.settings.keepRaw
      ? { fields, line, raw: text ?? buf.slice(start, end) }
      : { fields, line };
    this.#out.push({ ok: true, value, position });
  }
}
