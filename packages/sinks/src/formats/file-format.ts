import type { Rejection, SourcePosition } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';

/** A record to write: column name → value. */
export type Row = Readonly<Record<string, unknown>>;

/** A row a format could not encode; the format leaves it out of the file and reports it here. */
export interface Misfit {
  row: Row;
  /** 0-based index of the row in the input of this file. */
  index: number;
  reason: string;
  message: string;
}

/**
 * A file format the writers can produce: CSV, JSON Lines, Parquet, or your own.
 *
 * @example
 * const bytes = csvFormat().encode(rows, (misfit) => console.warn(misfit.message));
 */
export interface FileFormat {
  /** Short name used in messages, e.g. `parquet`. */
  readonly name: string;
  /** File name extension with its dot, e.g. `.parquet`. */
  readonly extension: string;
  readonly contentType: string;
  /** Encodes rows as one file; a row that cannot be encoded goes to `reject` and is left out. */
  encode(
    rows: AsyncIterable<Row> | Iterable<Row>,
    reject: (misfit: Misfit) => void,
  ): AsyncIterable<Uint8Array>;
}

/** What one written file holds. Every input row is either counted in `rows` or listed in `rejected`. */
export interface WrittenFile {
  key: string;
  rows: number;
  bytes: number;
  rejected: Rejection[];
}

export interface WriteFileOptions {
  /** Where a row came from, so a rejected row can be found again (file + line, stream + sequence). */
  position?: (row: Row, index: number) => SourcePosition | undefined;
  signal?: AbortSignal;
}

/**
 * Writes rows as one object in the given format; the put is atomic, so a failure leaves no object.
 *
 * @example
 * const file = await writeFile(store, 'processed/orders.csv', csvFormat(), rows);
 * console.log(file.rows, file.rejected.length);
 */
export async function writeFile(
  store: ObjectStore,
  key: string,
  format: FileFormat,
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: WriteFileOptions = {},
): Promise<WrittenFile> {
  let read = 0;
  const rejected: Rejection[] = [];
  async function* counted() {
    for await (const row of rows) {
      read++;
      yield row;
    }
  }
  const reject = (misfit: Misfit) => rejected.push(rejection(key, format, misfit, options));
  const body = format.encode(counted(), reject);
  const info = await store.put(key, body, {
    contentType: format.contentType,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { key, rows: read - rejected.length, bytes: info.size, rejected };
}

function rejection(key: string, format: FileFormat, misfit: Misfit, options: WriteFileOptions): Rejection {
  const position = options.position?.(misfit.row, misfit.index);
  const message = `${format.name} ${key}, record ${misfit.index}: ${misfit.message}`;
  const raw = rawText(misfit.row);
  return { reason: misfit.reason, message, ...(position ? { position } : {}), ...(raw ? { raw } : {}) };
}

const MAX_RAW = 4096;

function rawText(row: Row): string | undefined {
  try {
    const text = JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
    return text && text.length <= MAX_RAW ? text : undefined;
  } catch {
    return undefined;
  }
}
