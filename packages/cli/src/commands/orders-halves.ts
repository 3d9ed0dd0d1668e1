import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Where a file can be cut in two for the stale-order filter: each half is filtered on its own thread. */
export interface OrdersHalves {
  /** The header line, terminator included, byte-order mark excluded: the second half reads after it. */
  header: Buffer;
  /** Byte offset where the second half starts: the first byte of a physical line. */
  split: number;
}

/** Files smaller than this are filtered on one thread: a second one costs more to start than it saves. */
export const HALVES_MIN_BYTES = 16 * 1024 * 1024;
/** The share of the file the first thread takes: it starts while the second is still loading. */
const FIRST_SHARE = 0.56;
const WINDOW = 64 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where `file` can be cut so that filtering both halves apart gives exactly what one pass gives,
 * or undefined when it cannot be shown cheaply (then one thread reads it all). The cut is the start
 * of a line with no quote in the `maxRecordBytes` before it: no quoted record can be open there (one
 * that opened earlier was given up by the reader within `maxRecordBytes`), so the reader is at a
 * record's start on both sides. The header must be one plain line ending in LF or CRLF, and the file
 * UTF-8 (a UTF-16 one is transcoded by one reader).
 *
 * @example const halves = ordersHalves('orders.csv', 1024 * 1024); // { header, split } or undefined
 */
export function ordersHalves(
  file: string,
  maxRecordBytes: number,
  minBytes = HALVES_MIN_BYTES,
): OrdersHalves | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < minBytes || size === 0) return undefined;
    const header = plainHeader(readAt(fd, 0, WINDOW));
    if (!header) return undefined;
    const target = Math.floor(size * FIRST_SHARE);
    const lineEnd = readAt(fd, target, WINDOW).indexOf(LF);
    if (lineEnd < 0) return undefined;
    const split = target + lineEnd + 1;
    if (split >= size || split <= header.end) return undefined;
    const from = Math.max(header.end, split - maxRecordBytes - 2);
    if (readAt(fd, from, split - from).includes(QUOTE)) return undefined;
    return { header: header.bytes, split };
  } finally {
    closeSync(fd);
  }
}

/** The header line of a UTF-8 file, when it is its first line, plain, ending in LF or CRLF. */
function plainHeader(head: Buffer): { bytes: Buffer; end: number } | undefined {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const lf = head.indexOf(LF);
  if (lf < 0) return undefined;
  const text = head.subarray(bom, lf);
  const cr = text.indexOf(CR);
  const blank = text.length === 0 || (text.length === 1 && cr === 0); // the header is further down
  if (blank || text.includes(QUOTE) || (cr >= 0 && cr !== text.length - 1)) return undefined;
  return { bytes: Buffer.from(head.subarray(bom, lf + 1)), end: lf + 1 };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  return bytes.subarray(0, readSync(fd, bytes, 0, length, position));
}
