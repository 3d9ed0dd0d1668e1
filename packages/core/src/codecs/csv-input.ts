// What every CSV reader does to its input before scanning: bytes only, byte-order mark noted.
import { CsvEncodingError } from './errors.js';

/** The input of a CSV reader: byte chunks (or text chunks, taken as UTF-8). */
export type CsvInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** The input as UTF-8 bytes, and whether it began with a byte-order mark (removed from `chunks`). */
export interface CsvBytes {
  chunks: AsyncIterator<Buffer>;
  bom: boolean;
  /** `'utf-16le'` or `'utf-16be'` when the input was transcoded from UTF-16 to UTF-8. */
  transcodedFrom?: 'utf-16le' | 'utf-16be';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads enough of the input to see its byte-order mark. UTF-8's is removed (and remembered, so a
 * writer can put it back); UTF-16 with a mark is transcoded to UTF-8; a stream of text chunks is
 * encoded as UTF-8. Anything else passes through untouched.
 */
export async function openCsvBytes(
  input: CsvInput,
  file: string,
  utf16: 'transcode' | 'refuse' = 'transcode',
): Promise<CsvBytes> {
  const source = toBuffers(input);
  const head: Buffer[] = [];
  let seen = 0;
  while (seen < 3) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value.length;
  }
  const start = Buffer.concat(head);
  if (startsWith(start, UTF8_BOM)) return { chunks: withFirst(start.subarray(3), source), bom: true };
  const encoding = utf16Encoding(start);
  if (encoding === undefined) return { chunks: withFirst(start, source), bom: false };
  if (utf16 === 'refuse') throw new CsvEncodingError(file, encoding);
  return { chunks: transcode(withFirst(start, source), encoding), bom: true, transcodedFrom: encoding };
}

function utf16Encoding(start: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return undefined;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

async function* toBuffers(input: CsvInput): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

async function* withFirst(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    if (first.length > 0) yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

async function* transcode(
  chunks: AsyncIterator<Buffer>,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<Buffer> {
  // The decoder drops the mark itself; a character cut between chunks waits for the next one.
  const decoder = new TextDecoder(encoding);
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const text = decoder.decode(next.value, { stream: true });
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield Buffer.from(rest, 'utf8');
  } finally {
    await chunks.return?.();
  }
}
