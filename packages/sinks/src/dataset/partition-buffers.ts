import type { Row } from '../formats/file-format.js';

/** The rows waiting to be written to one partition's next file. */
export interface PartitionBuffer {
  path: string;
  values: Record<string, string>;
  rows: Row[];
  /** Index of each buffered row in the whole input, for rejection positions. */
  indexes: number[];
  /** Files already written to this partition in this run. */
  files: number;
}

const NONE_READY: readonly PartitionBuffer[] = [];

/**
 * Buffers rows per partition. Memory is bounded by `batchSize × maxOpen` rows: a full buffer is
 * handed out to be written, and opening one partition too many hands out the largest buffer.
 */
export class PartitionBuffers {
  readonly #open = new Map<string, PartitionBuffer>();
  readonly #fileCounts = new Map<string, number>();

  constructor(
    readonly batchSize: number,
    readonly maxOpen: number,
  ) {}

  /** Adds a row; returns the buffers that must be written now (full, or evicted to make room). */
  add(path: string, values: Record<string, string>, row: Row, index: number): readonly PartitionBuffer[] {
    let buffer = this.#open.get(path);
    // Most rows make no buffer ready: they share one empty list instead of each making its own.
    let ready = NONE_READY;
    if (!buffer) {
      if (this.#open.size >= this.maxOpen) ready = [this.#take(this.#largest())];
      buffer = this.#start(path, values);
    }
    buffer.rows.push(row);
    buffer.indexes.push(index);
    if (buffer.rows.length >= this.batchSize) ready = [...ready, this.#take(path)];
    return ready;
  }

  /** Every buffer still holding rows, at the end of the input. */
  drain(): PartitionBuffer[] {
    return [...this.#open.keys()].map((path) => this.#take(path));
  }

  #start(path: string, values: Record<string, string>): PartitionBuffer {
    const files = this.#fileCounts.get(path) ?? 0;
    const buffer = { path, values, rows: [], indexes: [], files };
    this.#open.set(path, buffer);
    return buffer;
  }

  #take(path: string): PartitionBuffer {
    const buffer = this.#open.get(path) as PartitionBuffer;
    this.#open.delete(path);
    this.#fileCounts.set(path, buffer.files + 1);
    return buffer;
  }

  #largest(): string {
    let largest: PartitionBuffer | undefined;
    for (const buffer of this.#open.values())
      if (!largest || buffer.rows.length > largest.rows.length) largest = buffer;
    return (largest as PartitionBuffer).path;
  }
}
