import type { Rejection, SourceRecord } from '../outcome/outcome.js';
import { JsonLinesEncodeError } from './errors.js';
import { decodeText, type TextEncodingName } from './text-decoding.js';
import { encodeTextChunks } from './text-encoding.js';

/** One parsed JSON Lines value and the line it came from. */
export interface JsonLine {
  value: unknown;
  line: number;
  /** The line's exact text without its terminator (only with `keepRaw`). */
  raw?: string;
}

/** How {@link readJsonLines} reads. */
export interface JsonLinesReadOptions {
  /** Name used in positions and messages (default `'input'`). */
  file?: string;
  /** Longest line in characters (default 4 MiB); longer lines are skipped and rejected as `line-too-large`. */
  maxLineBytes?: number;
  /** Default `'auto'`: UTF-8 where valid, Windows-1252 for stray bytes. */
  encoding?: TextEncodingName;
  /** When true each value carries its line's text in `raw` (default false). */
  keepRaw?: boolean;
}

interface LineSettings {
  file: string;
  maxLine: number;
  keepRaw: boolean;
}

/**
 * Reads JSON Lines as a stream. Blank lines are skipped; a line that is not JSON is rejected as
 * `invalid-json`, an overlong one as `line-too-large` (without buffering it), each with its
 * `file:line`, and reading goes on.
 *
 * @example
 * for await (const entry of readJsonLines(createReadStream('events.jsonl'), { file: 'events.jsonl' })) {
 *   if (entry.ok) handle(entry.value.value);
 *   else quarantine.push(entry.rejection);
 * }
 */
export async function* readJsonLines(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: JsonLinesReadOptions = {},
): AsyncGenerator<SourceRecord<JsonLine>> {
  const settings = {
    file: options.file ?? 'input',
    maxLine: options.maxLineBytes ?? 4 * 1024 * 1024,
    keepRaw: options.keepRaw ?? false,
  };
  let pending = '';
  let line = 1;
  let skipping = false; // inside an overlong line, already rejected, waiting for its end
  for await (const text of decodeText(input, options.encoding ?? 'auto')) {
    let start = 0;
    const buffer = pending + text;
    for (let lf = buffer.indexOf('\n'); lf !== -1; lf = buffer.indexOf('\n', start)) {
      if (!skipping) yield* parseLine(buffer.slice(start, lf), line, settings);
      skipping = false;
      line++;
      start = lf + 1;
    }
    pending = skipping ? '' : buffer.slice(start);
    if (!skipping && pending.length > settings.maxLine) {
      yield { ok: false, rejection: lineTooLarge(settings, line) };
      skipping = true;
      pending = '';
    }
  }
  if (!skipping) yield* parseLine(pending, line, settings);
}

function* parseLine(text: string, line: number, settings: LineSettings): Generator<SourceRecord<JsonLine>> {
  const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (raw.trim() === '') return;
  if (raw.length > settings.maxLine) {
    yield { ok: false, rejection: lineTooLarge(settings, line) };
    return;
  }
  const position = { kind: 'file' as const, file: settings.file, line };
  try {
    const value: unknown = JSON.parse(raw);
    yield { ok: true, value: settings.keepRaw ? { value, line, raw } : { value, line }, position };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `invalid JSON at ${settings.file}:${line}: ${detail}`;
    yield { ok: false, rejection: { reason: 'invalid-json', message, position, raw } };
  }
}

function lineTooLarge(settings: LineSettings, line: number): Rejection {
  return {
    reason: 'line-too-large',
    message: `line is longer than ${settings.maxLine} characters at ${settings.file}:${line}; line skipped`,
    position: { kind: 'file', file: settings.file, line },
  };
}

/**
 * Encodes values as JSON Lines (one `JSON.stringify` per line, `'\n'`-terminated) in chunks of
 * about 64 KiB. Throws {@link JsonLinesEncodeError} for a value with no JSON form, naming its index.
 *
 * @example
 * await store.put('quarantine/orders.jsonl', encodeJsonLines(rejections));
 */
export function encodeJsonLines(
  values: AsyncIterable<unknown> | Iterable<unknown>,
  options: { chunkBytes?: number } = {},
): AsyncIterable<Uint8Array> {
  return encodeTextChunks(jsonLines(values), options.chunkBytes);
}

async function* jsonLines(values: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<string> {
  let index = 0;
  for await (const value of values) {
    yield `${stringifyLine(value, index)}\n`;
    index++;
  }
}

function stringifyLine(value: unknown, index: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new JsonLinesEncodeError(`value ${index} cannot be written as JSON: ${detail}`, index);
  }
  if (text === undefined) {
    throw new JsonLinesEncodeError(`value ${index} (${typeof value}) has no JSON form`, index);
  }
  return text;
}
