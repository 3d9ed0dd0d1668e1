import type { Rejection } from '../outcome/outcome.js';
import { CsvRowCollector } from './csv-row-collector.js';
import type { CsvScannerSettings } from './csv-scan-shape.js';

/** Rows read column by column, with the rejections met while they were read. */
export interface CsvColumnBatch {
  /** Rows in the batch. */
  length: number;
  /** One array per header column, in header order, each `length` long: `columns[c][r]` is row r's field c. */
  columns: string[][];
  /** The line each row starts on (`lines[r]` for row r). */
  lines: number[];
  /** Records rejected since the previous batch, in input order, as `openCsv` rejects them. */
  rejections: Rejection[];
}

/**
 * `readCsvColumns`' collector: fields go straight into column arrays, with no array or object per
 * row. An unquoted record is cut with indexOf + slice; anything unusual (a ragged row, a record
 * long enough to hold a too-long field) takes the shared checks of {@link CsvRowCollector}.
 */
export class CsvColumnCollector extends CsvRowCollector {
  readonly #batchRows: number;
  #batch: CsvColumnBatch = emptyBatch(0, 0);
  #full: CsvColumnBatch[] = [];

  constructor(settings: CsvScannerSettings, batchRows: number) {
    super(settings);
    this.#batchRows = batchRows;
  }

  override begin(header: string[]): void {
    super.begin(header);
    this.#batch = { ...emptyBatch(header.length, this.#batchRows), rejections: this.#batch.rejections };
  }

  override addUnquoted(buf: string, start: number, end: number, line: number): void {
    const { delimiter, maxFieldLength } = this.settings;
    if (end - start > maxFieldLength) {
      super.addUnquoted(buf, start, end, line);
      return;
    }
    // The record on its own, so that a search for a missing delimiter stops at its end.
    const text = buf.slice(start, end);
    const { columns, lines, length: row } = this.#batch;
    const last = columns.length - 1;
    let from = 0;
    for (let column = 0; column < last; column++) {
      const at = text.indexOf(delimiter, from);
      if (at === -1) {
        this.add(text.split(delimiter), line, buf, start, end, text); // too few fields
        return;
      }
      (columns[column] as string[])[row] = text.slice(from, at);
      from = at + 1;
    }
    if (text.indexOf(delimiter, from) !== -1) {
      this.add(text.split(delimiter), line, buf, start, end, text); // too many fields
      return;
    }
    (columns[last] as string[])[row] = from === 0 ? text : text.slice(from);
    lines[row] = line;
    this.#added();
  }

  /** Hands over the batches filled so far. */
  take(): CsvColumnBatch[] {
    const full = this.#full;
    this.#full = [];
    return full;
  }

  override end(): void {
    if (this.#batch.length > 0 || this.#batch.rejections.length > 0) this.#seal();
  }

  firstRejection(): Rejection | undefined {
    return this.#full[0]?.rejections[0] ?? this.#batch.rejections[0];
  }

  reject(rejection: Rejection): void {
    this.#batch.rejections.push(rejection);
  }

  protected accept(fields: string[], line: number): void {
    const { columns, lines, length: row } = this.#batch;
    for (let column = 0; column < columns.length; column++)
      (columns[column] as string[])[row] = fields[column] as string;
    lines[row] = line;
    this.#added();
  }

  #added(): void {
    if (++this.#batch.length === this.#batchRows) this.#seal();
  }

  #seal(): void {
    const batch = this.#batch;
    // A short batch (the last, or one cut by a rejected row's leftovers) is trimmed to its rows.
    for (const column of batch.columns) column.length = batch.length;
    batch.lines.length = batch.length;
    this.#full.push(batch);
    this.#batch = emptyBatch(batch.columns.length, this.#batchRows);
  }
}

function emptyBatch(width: number, rows: number): CsvColumnBatch {
  const columns = Array.from({ length: width }, () => new Array<string>(rows));
  return { length: 0, columns, lines: new Array<number>(rows), rejections: [] };
}
