import { Field, makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { type ColumnBuilder, columnBuilder } from './column-builders.js';
import { describeColumnType, type ParquetColumn } from './schema.js';

/** Why a record did not fit: the first column whose value could not be stored. */
export interface RecordMisfit {
  column: string;
  message: string;
}

/** Collects records column by column into Arrow record batches of a fixed schema. */
export class RecordBatchBuilder {
  readonly schema: Schema;
  readonly #columns: ParquetColumn[];
  readonly #builders: ColumnBuilder[];

  constructor(columns: ParquetColumn[], capacity: number) {
    this.#columns = columns;
    this.#builders = columns.map((column) => columnBuilder(column, capacity));
    this.schema = new Schema(this.#builders.map((builder, i) => field(columns[i] as ParquetColumn, builder)));
  }

  get length(): number {
    return this.#builders[0]?.length ?? 0;
  }

  /** Appends a record, or leaves every column untouched and says which value did not fit. */
  append(record: Readonly<Record<string, unknown>>): RecordMisfit | undefined {
    for (let i = 0; i < this.#builders.length; i++) {
      const value = record[(this.#columns[i] as ParquetColumn).name];
      if (!(this.#builders[i] as ColumnBuilder).append(value)) return this.#undo(i, value);
    }
    return undefined;
  }

  /** Appends row `row` of columns given in schema order (a missing column is null), like {@link append}. */
  appendAt(columns: readonly (ArrayLike<unknown> | undefined)[], row: number): RecordMisfit | undefined {
    for (let i = 0; i < this.#builders.length; i++) {
      const value = columns[i]?.[row];
      if (!(this.#builders[i] as ColumnBuilder).append(value)) return this.#undo(i, value);
    }
    return undefined;
  }

  /**
   * Appends rows `from` to `to - 1` of columns given in schema order, one column at a time (a tight
   * loop per column); if any value does not fit, redoes the rows one by one so that exactly the
   * rows with a misfit are left out, each reported to `misfit`.
   */
  appendRows(
    columns: readonly (ArrayLike<unknown> | undefined)[],
    from: number,
    to: number,
    misfit: (row: number, why: RecordMisfit) => void,
  ): void {
    const start = this.length;
    if (this.#builders.every((builder, i) => appendRange(builder, columns[i], from, to))) return;
    for (const builder of this.#builders) builder.truncate(start);
    for (let row = from; row < to; row++) {
      const why = this.appendAt(columns, row);
      if (why) misfit(row, why);
    }
  }

  /** The batch of everything appended since the last call. */
  finish(): RecordBatch {
    const length = this.length;
    const children = this.#builders.map((builder) => builder.finish());
    const struct = makeData({ type: new Struct(this.schema.fields), length, nullCount: 0, children });
    return new RecordBatch(this.schema, struct);
  }

  /** Drops a partly appended row: columns before `failed` already took its values. */
  #undo(failed: number, value: unknown): RecordMisfit {
    const length = (this.#builders[failed] as ColumnBuilder).length;
    for (let j = 0; j < failed; j++) (this.#builders[j] as ColumnBuilder).truncate(length);
    const column = this.#columns[failed] as ParquetColumn;
    return { column: column.name, message: misfitMessage(column, value) };
  }
}

function appendRange(
  builder: ColumnBuilder,
  values: ArrayLike<unknown> | undefined,
  from: number,
  to: number,
): boolean {
  for (let row = from; row < to; row++) if (!builder.append(values?.[row])) return false;
  return true;
}

function field(column: ParquetColumn, builder: ColumnBuilder): Field {
  // The builder's empty batch carries the exact Arrow type (decimal precision, timestamp unit).
  return new Field(column.name, builder.finish().type, column.nullable);
}

function misfitMessage(column: ParquetColumn, value: unknown): string {
  const type = describeColumnType(column);
  if (value === null || value === undefined)
    return `column "${column.name}" (${type}, not nullable) is missing`;
  return `column "${column.name}": ${preview(value)} is not a ${type}`;
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
