import type { Rejection, SourcePosition } from '@sluice/core/outcome';
import { listAll, type ObjectStore } from '@sluice/core/storage';
import { type Row, writeFile } from '../formats/file-format.js';
import { contentId } from './content-hash.js';
import { type DatasetFormatOptions, resolveFormat } from './dataset-format.js';
import { DatasetOptionsError } from './errors.js';
import { rowPartitioner } from './hive-partitions.js';
import { type PartitionBuffer, PartitionBuffers } from './partition-buffers.js';

/**
 * `append` adds files; `overwrite` replaces the whole dataset; `overwrite_partitions` only the
 * partitions written to; `overwrite_batch` only the files an earlier write with the same `batchId`
 * made, in any partition (one source's output, beside other sources' files).
 */
export type DatasetWriteMode = 'append' | 'overwrite' | 'overwrite_partitions' | 'overwrite_batch';

export interface WriteDatasetOptions extends DatasetFormatOptions {
  store: ObjectStore;
  /** The dataset's folder, e.g. `lake/orders/`. */
  prefix: string;
  records: AsyncIterable<Row> | Iterable<Row>;
  /** Columns that become `key=value/` folders, in order. Default none. */
  partitionBy?: readonly string[];
  /** Default `append`. */
  mode?: DatasetWriteMode;
  /** Rows per file (and per Parquet row group, unless `parquet.rowGroupSize` says otherwise). Default 100 000. */
  batchSize?: number;
  /** Partitions buffered at once; opening one more writes out the largest buffer. Default 64. */
  maxOpenPartitions?: number;
  /** File name stem: `<name>-<id>-<n><ext>`. Default `part`. */
  name?: string;
  /**
   * Names files after this id (e.g. the stream's first sequence number, or the source object)
   * instead of a content hash. Required by `mode: 'overwrite_batch'`.
   */
  batchId?: string;
  /** Where a record came from, for the rejections (its index is its place in `records`). */
  position?: (record: Row, index: number) => SourcePosition | undefined;
  signal?: AbortSignal;
}

/** One file the dataset writer wrote. */
export interface DatasetFile {
  key: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
}

/** The account of a dataset write: every record is in one file's `rows` or in `rejected`. */
export interface DatasetWriteResult {
  files: DatasetFile[];
  rows: number;
  rejected: Rejection[];
  /** Old files removed by an overwrite. */
  deleted: string[];
}

/**
 * Writes records as a Hive-partitioned dataset (`date=2025-01-31/part-<hash>-0.parquet`). File
 * names derive from the content (or `batchId`), so a retried write replaces its own files; an
 * overwrite deletes old files only after every new file is written.
 *
 * @example
 * const result = await writeDataset({
 *   store, prefix: 'lake/orders/', format: 'parquet', parquet: { schema },
 *   partitionBy: ['orderdate'], mode: 'overwrite_partitions', records,
 * });
 * console.log(result.files.map((f) => `${f.key}: ${f.rows}`));
 */
export async function writeDataset(options: WriteDatasetOptions): Promise<DatasetWriteResult> {
  const settings = checkOptions(options);
  const format = await resolveFormat({ ...options, ...withRowGroups(options, settings.batchSize) });
  const buffers = new PartitionBuffers(settings.batchSize, settings.maxOpen);
  const result: DatasetWriteResult = { files: [], rows: 0, rejected: [], deleted: [] };
  const flush = async (buffer: PartitionBuffer) => {
    const key = `${settings.prefix}${buffer.path}${fileName(options, buffer)}${format.extension}`;
    const position = options.position;
    const file = await writeFile(options.store, key, format, buffer.rows, {
      ...(position ? { position: (row, i) => position(row, buffer.indexes[i] as number) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    result.files.push({ key, partition: { ...buffer.values }, rows: file.rows, bytes: file.bytes });
    result.rows += file.rows;
    result.rejected.push(...file.rejected);
  };
  const partitionRow = rowPartitioner(settings.partitionBy);
  let index = 0;
  // The buffers to write once `record` is placed (most records fill none).
  const place = (record: Row): readonly PartitionBuffer[] => {
    const partitioned = partitionRow(record);
    const at = index++;
    if (typeof partitioned !== 'string')
      return buffers.add(partitioned.path, partitioned.values, partitioned.row, at);
    result.rejected.push(partitionRejection(options, record, at, partitioned));
    return [];
  };
  // A sync source (an array) is read without a promise per record.
  if (Symbol.asyncIterator in options.records) {
    for await (const record of options.records) for (const ready of place(record)) await flush(ready);
  } else for (const record of options.records) for (const ready of place(record)) await flush(ready);
  for (const buffer of buffers.drain()) await flush(buffer);
  result.deleted = await removeReplaced(options, settings.prefix, result.files, format.extension);
  return result;
}

const FILE_NAME_PART = /^[\w.-]+$/;

function checkOptions(options: WriteDatasetOptions) {
  const batchSize = options.batchSize ?? 100_000;
  const maxOpen = options.maxOpenPartitions ?? 64;
  if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isInteger(maxOpen) || maxOpen < 1) {
    throw new DatasetOptionsError(
      `batchSize (${batchSize}) and maxOpenPartitions (${maxOpen}) must be positive integers`,
    );
  }
  checkFileNamePart('batchId', options.batchId);
  checkFileNamePart('name', options.name);
  if (options.mode === 'overwrite_batch' && options.batchId === undefined)
    throw new DatasetOptionsError(`mode "overwrite_batch" needs a batchId: it names the files to replace`);
  // An overwrite deletes what it did not write under the prefix: with no prefix that is the whole store.
  if (options.prefix === '' && (options.mode ?? 'append') !== 'append') {
    throw new DatasetOptionsError(
      `mode "${options.mode}" needs a non-empty prefix; it would replace every object in the store`,
    );
  }
  const prefix =
    options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  return { batchSize, maxOpen, prefix, partitionBy: options.partitionBy ?? [] };
}

// Ids and names become part of object keys: a `/` or `..` would move files out of their partition.
function checkFileNamePart(option: string, value: string | undefined): void {
  if (value !== undefined && !FILE_NAME_PART.test(value)) {
    throw new DatasetOptionsError(`${option} ${JSON.stringify(value)} may hold only letters, digits, _ . -`);
  }
}

function withRowGroups(options: WriteDatasetOptions, batchSize: number) {
  if (!options.parquet) return {};
  return { parquet: { rowGroupSize: batchSize, ...options.parquet } };
}

function fileName(options: WriteDatasetOptions, buffer: PartitionBuffer): string {
  // Hashed only when no batchId names the file: hashing costs a JSON text per row.
  const id = options.batchId ?? contentId(buffer.rows);
  return `${options.name ?? 'part'}-${id}-${buffer.files}`;
}

function partitionRejection(
  options: WriteDatasetOptions,
  record: Row,
  index: number,
  problem: string,
): Rejection {
  const position = options.position?.(record, index);
  const message = `dataset ${options.prefix}, record ${index}: ${problem}`;
  return { reason: 'partition-value', message, ...(position ? { position } : {}) };
}

/** Deletes, after the new files are in place, the old files an overwrite replaces. */
async function removeReplaced(
  options: WriteDatasetOptions,
  prefix: string,
  files: DatasetFile[],
  extension: string,
) {
  const mode = options.mode ?? 'append';
  if (mode === 'append') return [];
  const written = new Set(files.map((file) => file.key));
  const scopes =
    mode === 'overwrite_partitions' ? [...new Set(files.map((file) => partitionFolder(file.key)))] : [prefix];
  const replaces = mode === 'overwrite_batch' ? batchFileTest(options, extension) : () => true;
  const deleted: string[] = [];
  for (const scope of scopes) {
    for await (const object of listAll(options.store, scope))
      if (!written.has(object.key) && replaces(object.key)) deleted.push(object.key);
  }
  // Listed first, deleted after: deleting while paging could shift a cursor past live keys.
  for (const key of deleted) await options.store.delete(key);
  return deleted;
}

/** Whether a key is a file of this batch (`<name>-<batchId>-<n><ext>`), in whatever partition. */
function batchFileTest(options: WriteDatasetOptions, extension: string): (key: string) => boolean {
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stem = `${quote(options.name ?? 'part')}-${quote(options.batchId ?? '')}`;
  const file = new RegExp(`^${stem}-\\d+${quote(extension)}$`);
  return (key) => file.test(key.slice(key.lastIndexOf('/') + 1));
}

function partitionFolder(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}
