import { openCsvScan } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import type { KinesisInput } from '@sluice/core/runner';
import type { ObjectStore } from '@sluice/core/storage';
import { type CsvColumnSpec, type HeaderColumns, headerColumns } from '@sluice/transforms';

/** A slice of the raw file: the records to put, and the rows that could not become records. */
export interface IngestChunk {
  /** Data rows before this chunk. */
  from: number;
  /** Data rows in this chunk (`records.length + rejections.length`). */
  rows: number;
  records: KinesisInput[];
  rejections: Rejection[];
}

export interface CsvChunkOptions {
  /** Data rows already ingested (the checkpoint): skipped, not sent again. */
  from: number;
  size: number;
  /** The transform's columns (`MACHINE_READING_COLUMNS`, `CUSTOMER_COLUMNS`), found by normalised name. */
  columns: CsvColumnSpec;
  /** Column (canonical name) whose value routes a record to its shard (`machine_id`, `Customer_ID`). */
  partitionKey: string;
}

/**
 * Reads the raw CSV as Kinesis-shaped records (`data` is the row as JSON keyed by the transform's
 * column names, whatever their spelling in the header), in chunks of `size` rows starting after the
 * checkpoint. A file lacking a column fails before any row is sent; unreadable rows and rows without
 * a partition key are rejected with their line.
 *
 * @example for await (const chunk of csvChunks(store, 'raw/m.csv', { from: 0, size: 5000, columns: MACHINE_READING_COLUMNS, partitionKey: 'machine_id' })) …
 */
export async function* csvChunks(
  store: ObjectStore,
  key: string,
  options: CsvChunkOptions,
): AsyncGenerator<IngestChunk> {
  const scan = await openCsvScan(await store.get(key), { file: key });
  const chunks = new ChunkBuilder(options);
  try {
    const columns = headerColumns(scan.header, options.columns, key);
    scan.start(
      { record: (record) => chunks.addRow(columns, record.fields) },
      { onRejected: (rejection) => chunks.add((chunk) => chunk.rejections.push(rejection)) },
    );
    do yield* chunks.full.splice(0);
    while (await scan.step());
    yield* chunks.full.splice(0);
    if (chunks.current.rows > 0) yield chunks.current;
  } finally {
    await scan.close();
  }
}

/** Cuts the rows after the checkpoint into chunks of `size`, in file order. */
class ChunkBuilder {
  readonly full: IngestChunk[] = [];
  current: IngestChunk;
  #index = 0;

  constructor(private readonly options: CsvChunkOptions) {
    this.current = emptyChunk(options.from);
  }

  addRow(columns: HeaderColumns, fields: readonly string[]) {
    const { partitionKey: keyColumn } = this.options;
    const data = columns.row(fields);
    const partitionKey = (data[keyColumn] ?? '').trim();
    if (partitionKey === '') {
      const column = columns.headerName(keyColumn);
      return {
        reject: 'missing-partition-key',
        message: `${keyColumn} is empty`,
        ...(column ? { column } : {}),
      };
    }
    this.add((chunk) => chunk.records.push({ partitionKey, data }));
    return 'keep' as const;
  }

  /** Counts one data row (kept or rejected), skipping those the checkpoint covers. */
  add(put: (chunk: IngestChunk) => void): void {
    if (this.#index++ < this.options.from) return;
    put(this.current);
    this.current.rows++;
    if (this.current.rows < this.options.size) return;
    this.full.push(this.current);
    this.current = emptyChunk(this.current.from + this.current.rows);
  }
}

function emptyChunk(from: number): IngestChunk {
  return { from, rows: 0, records: [], rejections: [] };
}
