import type { GeneralRecordReader } from './fast-path-reader.js';
import { RecordBoundary } from './fast-path-records.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Where the records begin once the header is in the general reader's hands. */
export interface CsvHead {
  bom: boolean;
  /** Bytes read past the header's terminator. */
  rest: Buffer;
  /** Line of the first record after the header. */
  nextLine: number;
}

/**
 * Hands the general reader everything up to the end of the header (the first non-blank record),
 * so the header is read, and refused, exactly as `openCsv` reads it. Shared by the byte fast paths.
 *
 * @example const head = await readHead(chunks, reader, 0x2c); // head.rest: the bytes after it
 */
export async function readHead(
  chunks: AsyncIterator<Uint8Array | string>,
  reader: GeneralRecordReader,
  delimiter: number,
): Promise<CsvHead> {
  const boundary = new RecordBoundary(delimiter);
  const start = await readBom(chunks);
  let bytes = start.bytes;
  let pos = start.bom ? UTF8_BOM.length : 0;
  let line = 1;
  for (;;) {
    const lf = bytes === undefined ? -1 : boundary.find(bytes, pos);
    if (bytes !== undefined && lf >= 0) {
      line += boundary.lineFeedsInside + 1;
      pos = lf + 1;
      if (boundary.blank) boundary.reset();
      else {
        reader.push(bytes.subarray(0, pos));
        return { bom: start.bom, rest: bytes.subarray(pos), nextLine: line };
      }
      continue;
    }
    if (bytes !== undefined) reader.push(bytes);
    const next = await chunks.next();
    if (next.done) break;
    bytes = asBuffer(next.value);
    pos = 0;
  }
  reader.end();
  return { bom: start.bom, rest: Buffer.alloc(0), nextLine: line };
}

/** Reads until the first three bytes are known, to tell whether they are a byte-order mark. */
async function readBom(
  chunks: AsyncIterator<Uint8Array | string>,
): Promise<{ bom: boolean; bytes?: Buffer }> {
  let bytes: Buffer | undefined;
  while (bytes === undefined || bytes.length < UTF8_BOM.length) {
    const next = await chunks.next();
    if (next.done) break;
    bytes = bytes === undefined ? asBuffer(next.value) : Buffer.concat([bytes, asBuffer(next.value)]);
  }
  const bom = bytes !== undefined && bytes.length >= UTF8_BOM.length && UTF8_BOM.equals(bytes.subarray(0, 3));
  return bytes === undefined ? { bom } : { bom, bytes };
}

/**
 * A chunk as a Buffer over the same memory (strings as UTF-8).
 *
 * @example asBuffer(new Uint8Array([104, 105])).toString() // 'hi'
 */
export function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
