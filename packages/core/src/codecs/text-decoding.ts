import { decodeWindows1252, windows1252Char } from './windows-1252.js';

/**
 * How bytes become text. `'auto'` reads valid UTF-8 as UTF-8 and any byte that is not part of a
 * valid UTF-8 sequence as Windows-1252, so files that mix both (a common export artefact:
 * `\xC9vry` beside `Évry`) decode without mangling either.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'auto';

/**
 * Decodes a stream of byte (or string) chunks into text chunks. Characters split across chunk
 * boundaries are held back until complete; a leading byte-order mark is removed, whatever the
 * encoding (a UTF-8 BOM read as Windows-1252 would otherwise become `ï»¿`).
 *
 * @example
 * for await (const text of decodeText(createReadStream('orders.csv'), 'auto')) process(text);
 */
export async function* decodeText(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  encoding: TextEncodingName = 'auto',
): AsyncGenerator<string> {
  const decode = chunkDecoder(encoding);
  let atStart = true;
  for await (const chunk of withoutUtf8Bom(input)) {
    let text = typeof chunk === 'string' ? chunk : decode(chunk, false);
    if (atStart && text.length > 0) {
      atStart = false;
      // Bytes lost their BOM above; a string chunk may still start with one.
      if (typeof chunk === 'string' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest.length > 0) yield rest;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Drops the bytes EF BB BF at the very start, even when they arrive split across chunks. */
async function* withoutUtf8Bom(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of input) {
    if (head === undefined || typeof chunk === 'string') {
      if (head !== undefined && head.length > 0) yield head;
      head = undefined;
      yield chunk;
      continue;
    }
    head = concat(head, chunk);
    const bomSoFar = head.subarray(0, UTF8_BOM.length).every((byte, i) => byte === UTF8_BOM[i]);
    if (bomSoFar && head.length < UTF8_BOM.length) continue;
    yield bomSoFar ? head.subarray(UTF8_BOM.length) : head;
    head = undefined;
  }
  if (head !== undefined && head.length > 0) yield head;
}

type ChunkDecoder = (bytes: Uint8Array, final: boolean) => string;

function chunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') return (bytes) => decodeWindows1252(bytes);
  if (encoding === 'utf-8') {
    // ignoreBOM keeps U+FEFF in the text so only the stream's first one is removed, not one per chunk.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    return (bytes, final) => decoder.decode(bytes, { stream: !final });
  }
  return mixedDecoder();
}

/** The `'auto'` decoder: UTF-8 where valid, Windows-1252 byte by byte where not. */
function mixedDecoder(): ChunkDecoder {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  return (chunk, final) => {
    const bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    const cut = final ? bytes.length : incompleteTailStart(bytes);
    carry = bytes.slice(cut);
    const body = bytes.subarray(0, cut);
    try {
      return strict.decode(body);
    } catch {
      return decodeMixed(body, strict);
    }
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Where a UTF-8 sequence that the next chunk may complete begins (bytes.length if none). */
export function incompleteTailStart(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return end;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return back < needed ? end - back : end;
  }
  return end;
}

/** Slow path for a chunk holding invalid UTF-8: decode valid runs as UTF-8, other bytes as Windows-1252. */
function decodeMixed(bytes: Uint8Array, utf8: InstanceType<typeof TextDecoder>): string {
  let text = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const size = utf8SequenceLength(bytes, i);
    if (size > 0) {
      i += size;
      continue;
    }
    text += utf8.decode(bytes.subarray(runStart, i)) + windows1252Char(bytes[i]!);
    i += 1;
    runStart = i;
  }
  return text + utf8.decode(bytes.subarray(runStart, i));
}

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 if there is none. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  if (lead < 0xc2 || lead > 0xf4) return 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (i + size > bytes.length) return 0;
  const second = bytes[i + 1]!;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let k = 2; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return size;
}
