import type { GeneralRecordReader } from '../orders/fast-path-reader.js';
import { RecordBoundary } from '../orders/fast-path-records.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Where the records begin once the header is in the general reader's hands. */
export interface CsvHead {
  /** Bytes read past the header's terminator. */
  rest: Buffer;
  /** Line of the first record after the header. */
  nextLine: number;
}

/**
 * Hands the general reader everything up to the end of the header (the first non-blank record),
 * so the header is read, and refused, exactly as `openCsv` reads it.
 */
export async function readHead(
  chunks: AsyncIterator<Uint8Array>,
  reader: GeneralRecordReader,
  delimiter: number,
): Promise<CsvHead> {
  const boundary = new RecordBoundary(delimiter);
  let bytes = await readPastBom(chunks);
  let pos = bytes !== undefined && startsWithBom(bytes) ? UTF8_BOM.length : 0;
  let line = 1;
  for (;;) {
    const lf = bytes === undefined ? -1 : boundary.find(bytes, pos);
    if (bytes !== undefined && lf >= 0) {
      line += boundary.lineFeedsInside + 1;
      pos = lf + 1;
      if (!boundary.blank) {
        reader.push(bytes.subarray(0, pos));
        return { rest: bytes.subarray(pos), nextLine: line };
      }
      boundary.reset();
      continue;
    }
    if (bytes !== undefined) reader.push(bytes);
    const next = await chunks.next();
    if (next.done) break;
    bytes = asBuffer(next.value);
    pos = 0;
  }
  reader.end();
  return { rest: Buffer.alloc(0), nextLine: line };
}

/** Reads until the first three bytes are known, to tell whether they are a byte-order mark. */
async function readPastBom(chunks: AsyncIterator<Uint8Array>): Promise<Buffer | undefined> {
  let bytes: Buffer | undefined;
  while (bytes === undefined || bytes.length < UTF8_BOM.length) {
    const next = await chunks.next();
    if (next.done) break;
    bytes = bytes === undefined ? asBuffer(next.value) : Buffer.concat([bytes, asBuffer(next.value)]);
  }
  return bytes;
}

const startsWithBom = (bytes: Buffer) =>
  bytes.length >= UTF8_BOM.length && UTF8_BOM.equals(bytes.subarray(0, UTF8_BOM.length));

/** A chunk as a Buffer over the same memory. */
export function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
