import type { Rejection } from '../outcome/outcome.js';
import type { CsvLine, CsvRecord } from './csv-line.js';
import type { CsvVerdict } from './csv-run.js';

/** Rows read column by column, with the rejections met while they were read. */
export interface CsvColumnBatch {
  /** Rows in the batch. */
  length: number;
  /** One array per header column, in header order, each `length` long: `columns[c][r]` is row r's field c. */
  columns: string[][];
  /** The line each row starts on (`lines[r]` for row r). */
  lines: number[];
  /** Records rejected since the previous batch, in input order. */
  rejections: Rejection[];
}

/**
 * Collects records straight into column arrays (no array or object per row) and seals a batch
 * every `batchRows` rows, or every `batchRows` rejections, so memory stays bounded either way.
 * Its two rules make a run that keeps every record in columns; a transform that keeps some
 * records calls {@link addLine} / {@link addRecord} for those it keeps.
 */
export class CsvColumnBatcher {
  readonly #width: number;
  readonly #batchRows: number;
  #batch: CsvColumnBatch;
  #full: CsvColumnBatch[] = [];

  constructor(width: number, batchRows: number) {
    this.#width = width;
    this.#batchRows = batchRows;
    this.#batch = emptyBatch(width, batchRows);
  }

  /** A rule that keeps every line, collected. */
  readonly lineRule = (line: CsvLine): 'keep' => {
    this.addLine(line);
    return 'keep';
  };

  /** A rule that keeps every record, collected. */
  readonly recordRule = (record: CsvRecord): CsvVerdict => {
    this.addRecord(record);
    return 'keep';
  };

  addLine(line: CsvLine): void {
    const { columns, lines, length: row } = this.#batch;
    for (let c = 0; c < columns.length; c++) (columns[c] as string[])[row] = line.field(c);
    lines[row] = line.line;
    this.#added();
  }

  addRecord(record: CsvRecord): void {
    const { columns, lines, length: row } = this.#batch;
    for (let c = 0; c < columns.length; c++) (columns[c] as string[])[row] = record.fields[c] as string;
    lines[row] = record.line;
    this.#added();
  }

  reject(rejection: Rejection): void {
    this.#batch.rejections.push(rejection);
    if (this.#batch.rejections.length >= this.#batchRows) this.#seal();
  }

  /** The sealed batches so far; with `final`, the last partial one too. */
  take(final = false): CsvColumnBatch[] {
    if (final && (this.#batch.length > 0 || this.#batch.rejections.length > 0)) this.#seal();
    const full = this.#full;
    this.#full = [];
    return full;
  }

  #added(): void {
    if (++this.#batch.length === this.#batchRows) this.#seal();
  }

  #seal(): void {
    const batch = this.#batch;
    for (const column of batch.columns) column.length = batch.length;
    batch.lines.length = batch.length;
    this.#full.push(batch);
    this.#batch = emptyBatch(this.#width, this.#batchRows);
  }
}

function emptyBatch(width: number, rows: number): CsvColumnBatch {
  const columns = Array.from({ length: width }, () => new Array<string>(rows));
  return { length: 0, columns, lines: new Array<number>(rows), rejections: [] };
}
