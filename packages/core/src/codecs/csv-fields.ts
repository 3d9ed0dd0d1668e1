// Bytes of a CSV record into field values: the one place quoting and decoding rules live.
import { isUtf8 } from 'node:buffer';
import type { TextEncodingName } from './text-decoding.js';
import { utf8SequenceLength } from './text-decoding.js';
import { windows1252Char } from './windows-1252.js';

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

/**
 * Decodes `bytes[start, end)` as a value. `'auto'`: UTF-8 where valid, each stray byte as
 * Windows-1252 (the `\xC9vry` beside `Évry` of real exports); `'utf-8'`: invalid bytes become
 * U+FFFD; `'windows-1252'`: one character per byte. ASCII takes the fastest path in every case.
 */
export function decodeBytes(bytes: Buffer, start: number, end: number, encoding: TextEncodingName): string {
  let ascii = true;
  for (let i = start; ascii && i < end; i++) ascii = (bytes[i] as number) < 0x80;
  if (ascii) return bytes.toString('latin1', start, end);
  if (encoding === 'windows-1252') return decodeSingleBytes(bytes, start, end);
  if (encoding === 'utf-8' || isUtf8(bytes.subarray(start, end))) return bytes.toString('utf8', start, end);
  return decodeMixed(bytes, start, end);
}

function decodeSingleBytes(bytes: Buffer, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += windows1252Char(bytes[i] as number);
  return text;
}

function decodeMixed(bytes: Buffer, start: number, end: number): string {
  let text = '';
  let run = start;
  let i = start;
  while (i < end) {
    const size = utf8SequenceLength(bytes.subarray(0, end), i);
    if (size > 0) {
      i += size;
      continue;
    }
    text += bytes.toString('utf8', run, i) + windows1252Char(bytes[i] as number);
    run = ++i;
  }
  return text + bytes.toString('utf8', run, end);
}

/**
 * Splits the record `bytes[start, end)` (no terminator) into decoded fields, RFC 4180 style: a
 * field that starts with a quote runs to its closing quote, `""` inside is one quote, and line
 * breaks inside stay exactly as written; text after a closing quote is kept literally (as
 * Python's csv module does); a quote inside an unquoted field is an ordinary character.
 */
export function parseFields(
  bytes: Buffer,
  start: number,
  end: number,
  delimiter: number,
  encoding: TextEncodingName,
): string[] {
  const fields: string[] = [];
  let at = start;
  for (;;) {
    const field =
      bytes[at] === QUOTE ? quotedField(bytes, at, end, delimiter) : plainField(bytes, at, end, delimiter);
    fields.push(field.pieces.map(([from, to]) => decodeBytes(bytes, from, to, encoding)).join(''));
    if (field.next >= end) {
      if (field.next === end) fields.push(''); // a delimiter ends the record: one more, empty field
      return fields;
    }
    at = field.next;
  }
}

interface FieldBytes {
  /** Byte ranges whose decoded text, joined, is the value. */
  pieces: Array<[number, number]>;
  /** Where the next field starts (past the delimiter), or `end` + 1 when this was the last. */
  next: number;
}

function plainField(bytes: Buffer, from: number, end: number, delimiter: number): FieldBytes {
  let to = from;
  while (to < end && bytes[to] !== delimiter) to++;
  return { pieces: [[from, to]], next: to < end ? to + 1 : end + 1 };
}

function quotedField(bytes: Buffer, from: number, end: number, delimiter: number): FieldBytes {
  const pieces: Array<[number, number]> = [];
  let run = from + 1;
  let i = run;
  while (i < end) {
    if (bytes[i] !== QUOTE) {
      i++;
      continue;
    }
    pieces.push([run, i]);
    if (bytes[i + 1] === QUOTE && i + 1 < end) {
      run = i + 1; // the second quote of a pair starts the next piece
      i += 2;
      continue;
    }
    const rest = plainField(bytes, i + 1, end, delimiter);
    pieces.push(...rest.pieces);
    return { pieces, next: rest.next };
  }
  pieces.push([run, end]); // not closed: the scanner only hands over closed fields, but stay total
  return { pieces, next: end + 1 };
}
