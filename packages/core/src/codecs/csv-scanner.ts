import type { Rejection } from '../outcome/outcome.js';
import { CR, decodeBytes, LF, parseFields, QUOTE } from './csv-fields.js';
import { CsvLine, type CsvRecord } from './csv-line.js';
import { CsvMarks } from './csv-marks.js';
import { raggedRow, recordTooLarge, splitRecord, unterminatedQuote } from './csv-rejections.js';
import type { TextEncodingName } from './text-decoding.js';

/** What the scanner needs to know. */
export interface CsvScanSettings {
  file: string;
  delimiter: number;
  encoding: TextEncodingName;
  maxRecordBytes: number;
}

/** Where the scanner hands what it finds, in input order. */
export interface CsvScanHandler {
  /** The first record that is not blank. */
  header(record: CsvRecord, bytes: Buffer, start: number, end: number, next: number): void;
  /** A record without quotes and with the header's width; `next` is where the following one starts. */
  line(line: CsvLine, next: number): void;
  /** A record with quoted fields, already split and decoded. */
  record(record: CsvRecord, bytes: Buffer, start: number, end: number, next: number): void;
  /** A physical line with nothing on it. */
  blank(line: number): void;
  /** A record the reader cannot read; it spans exactly one physical line. */
  rejected(rejection: Rejection): void;
  /** `bytes` is about to be released: what lies before `upTo` will not be seen again. */
  release(bytes: Buffer, upTo: number): void;
}

// Where the quoted-record scan is inside the current field.
const FIELD_START = 0;
const UNQUOTED = 1;
const IN_QUOTES = 2;
const QUOTE_SEEN = 3; // a quote inside quotes: the closing one, or the first of a doubled pair
const AFTER_QUOTE = 4; // text after a closing quote, kept literally

/**
 * Finds CSV records in bytes, resumable across chunks of any size. A record without quotes is
 * found by one pass that notes its field starts (a {@link CsvLine}); a record with quotes is
 * scanned by a state machine, then split. LF, CRLF and lone CR end lines. A quote left open (at
 * the end of input, or past `maxRecordBytes`) costs only its record's first line: that line is
 * rejected as `unterminated-quote` and scanning resumes at the next physical line. Memory holds
 * one chunk and at most one record (`maxRecordBytes`), never the rest of the input.
 */
export class CsvScanner {
  readonly #settings: CsvScanSettings;
  readonly #handler: CsvScanHandler;
  readonly #maxRecordBytes: number;
  readonly #marks: CsvMarks;
  #view: CsvLine;
  #width = -1; // the header's field count, once known
  #buf: Buffer = Buffer.alloc(0);
  #len = 0;
  #pos = 0; // where the current record starts
  #line = 1; // the physical line it starts on
  #owned = false; // #buf is the scanner's own copy (it may be reused)
  #skipping = false; // dropping the rest of a physical line too long to keep
  // State of a quoted record being scanned.
  #quoted = false;
  #cursor = 0;
  #state = FIELD_START;
  #breaks = 0; // line breaks inside quotes so far
  #firstEnd = -1; // end of the record's first physical line, once a break was seen
  #firstNext = -1; // start of its second physical line
  #afterCr = false;
  #textAfterQuote = false; // a closing quote was followed by text: a sign of a stray quote
  #paused = false; // stopped after the header, until resume()
  #final = false; // the input has ended

  constructor(settings: CsvScanSettings, handler: CsvScanHandler) {
    this.#settings = settings;
    this.#handler = handler;
    this.#maxRecordBytes = settings.maxRecordBytes;
    this.#marks = new CsvMarks(settings.delimiter);
    this.#view = new CsvLine(1, settings.encoding);
  }

  /** Physical lines read so far (all of them once {@link finish} returned). */
  get lines(): number {
    return this.#line - 1;
  }

  /** Scans the next chunk; a record it cuts waits for the next one. */
  feed(chunk: Buffer): void {
    this.#append(chunk);
    this.#scan(false);
  }

  /** Ends the input: a last record may lack its terminator; an open quote is rejected. */
  finish(): void {
    this.#final = true;
    this.#scan(true);
    if (!this.#paused) this.#handler.release(this.#buf, this.#len);
  }

  /** Goes on after the header: the scanner stops there so that rules can be set up first. */
  resume(): void {
    this.#paused = false;
    this.#scan(this.#final);
    if (this.#final) this.#handler.release(this.#buf, this.#len);
  }

  #append(chunk: Buffer): void {
    const carry = this.#len - this.#pos;
    this.#handler.release(this.#buf, this.#pos);
    if (carry === 0) {
      this.#rebase(chunk, chunk.length, false);
      return;
    }
    const need = carry + chunk.length;
    if (this.#owned && this.#buf.length >= need) this.#buf.copyWithin(0, this.#pos, this.#len);
    else {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * carry, 64 * 1024));
      this.#buf.copy(grown, 0, this.#pos, this.#len);
      this.#buf = grown;
    }
    chunk.copy(this.#buf, carry);
    this.#rebase(this.#buf, need, true);
  }

  /** Moves to a new buffer whose first byte is the current record's first byte. */
  #rebase(buf: Buffer, len: number, owned: boolean): void {
    const shift = this.#pos;
    this.#marks.reset();
    this.#buf = buf;
    this.#len = len;
    this.#owned = owned;
    this.#pos = 0;
    this.#cursor -= shift;
    if (this.#firstEnd >= 0) {
      this.#firstEnd -= shift;
      this.#firstNext -= shift;
    }
  }

  #scan(final: boolean): void {
    for (;;) {
      let more: boolean;
      if (this.#paused) return;
      if (this.#skipping) more = this.#skip(final);
      else if (this.#quoted) more = this.#scanQuoted(final);
      else if (this.#pos >= this.#len) return;
      else more = this.#scanLine(final);
      if (!more) return;
    }
  }

  /** One record read in a single pass when it has no quote; false when it needs more input. */
  #scanLine(final: boolean): boolean {
    const buf = this.#buf;
    const len = this.#len;
    const delimiter = this.#settings.delimiter;
    const starts = this.#view.starts;
    const room = starts.length - 1;
    const start = this.#pos;
    const marks = this.#marks;
    let count = 0;
    let i = len;
    for (let at = marks.seek(buf, start, len); at >= 0; at = marks.next(buf, len)) {
      if (buf[at] !== delimiter) {
        i = at; // LF, CR or a quote
        break;
      }
      if (++count < room) starts[count] = at + 1;
    }
    if (i < len && buf[i] === QUOTE) return this.#startQuoted();
    if (i === len && !final) return this.#waitForLine(start);
    let next = i + 1;
    if (i < len && buf[i] === CR) {
      if (i + 1 === len && !final) return this.#readAgain(); // a CRLF may be cut between the chunks
      if (buf[i + 1] === LF) next = i + 2;
    }
    this.#emitLine(start, i, Math.min(next, len), count + 1);
    return true;
  }

  /** No line end in the buffer: wait for more, unless the line is already too long to keep. */
  #waitForLine(start: number): boolean {
    if (this.#len - start <= this.#settings.maxRecordBytes) return this.#readAgain();
    this.#rejectLong('record-too-large', this.#len);
    return false;
  }

  /** Waits for more input (or its end): the line is then read again from its start. */
  #readAgain(): boolean {
    this.#marks.reset();
    return false;
  }

  #emitLine(start: number, end: number, next: number, count: number): void {
    const line = this.#line++;
    this.#pos = next;
    if (count === this.#width && end > start && end - start <= this.#maxRecordBytes) {
      this.#emitPlain(start, end, next, count, line); // the common record, checked in one test
      return;
    }
    const rejection = this.#checkLine(start, end, count, line);
    if (end === start) this.#handler.blank(line);
    else if (rejection) this.#handler.rejected(rejection);
    else if (this.#width < 0) {
      const { delimiter, encoding } = this.#settings;
      const fields = parseFields(this.#buf, start, end, delimiter, encoding);
      this.#takeHeader({ fields, line, endLine: line }, start, end, next);
    } else this.#emitPlain(start, end, next, count, line);
  }

  #emitPlain(start: number, end: number, next: number, count: number, line: number): void {
    const view = this.#view;
    view.bytes = this.#buf;
    view.start = start;
    view.end = end;
    view.line = line;
    view.starts[0] = start;
    view.starts[count] = end + 1;
    this.#handler.line(view, next);
  }

  /** Why a record without quotes cannot be read (too long, or not the header's width), if it cannot. */
  #checkLine(start: number, end: number, count: number, line: number): Rejection | undefined {
    const { file, maxRecordBytes, encoding } = this.#settings;
    if (end - start > maxRecordBytes) return recordTooLarge({ file, line }, maxRecordBytes);
    if (this.#width < 0 || count === this.#width || end === start) return undefined;
    return raggedRow({ file, line }, this.#width, count, decodeBytes(this.#buf, start, end, encoding));
  }

  /** The first record sets the width every later one must have; the scan pauses after it. */
  #takeHeader(record: CsvRecord, start: number, end: number, next: number): void {
    this.#width = record.fields.length;
    this.#view = new CsvLine(record.fields.length, this.#settings.encoding);
    this.#handler.header(record, this.#buf, start, end, next);
    this.#paused = true;
  }

  #startQuoted(): boolean {
    this.#quoted = true;
    this.#cursor = this.#pos;
    this.#state = FIELD_START;
    this.#breaks = 0;
    this.#firstEnd = -1;
    this.#firstNext = -1;
    this.#afterCr = false;
    this.#textAfterQuote = false;
    return true;
  }

  /** Scans a record that holds quotes; false when it needs more input. */
  #scanQuoted(final: boolean): boolean {
    const end = this.#findQuotedEnd(final);
    if (end === -1) {
      // Where a CR ends the first line and ends the buffer too, wait: its LF belongs to that line.
      const firstLineCut = this.#afterCr && this.#firstNext === this.#len && !final;
      if (this.#textSoFar() > this.#settings.maxRecordBytes && !firstLineCut)
        return this.#abandonQuoted(false);
      if (!final) return false;
      if (this.#state === IN_QUOTES) return this.#abandonQuoted(true);
      return this.#endQuoted(this.#len, this.#len);
    }
    const buf = this.#buf;
    let next = end + 1;
    if (buf[end] === CR && next < this.#len && buf[next] === LF) next++;
    if (end - this.#pos <= this.#settings.maxRecordBytes) return this.#endQuoted(end, next);
    if (this.#firstEnd >= 0) return this.#abandonQuoted(false);
    const { file, maxRecordBytes } = this.#settings;
    this.#handler.rejected(recordTooLarge({ file, line: this.#line }, maxRecordBytes));
    this.#quoted = false;
    this.#line++;
    this.#pos = next;
    return true;
  }

  /**
   * Bytes of the quoted record read so far. A CR that ends the buffer outside quotes ends the record
   * (the scan waits to see whether an LF follows): it is the terminator, not text, so a record exactly
   * `maxRecordBytes` long is kept wherever a chunk boundary falls.
   */
  #textSoFar(): number {
    const heldCr =
      this.#state !== IN_QUOTES && this.#cursor === this.#len - 1 && this.#buf[this.#cursor] === CR;
    return this.#len - this.#pos - (heldCr ? 1 : 0);
  }

  /** Index of the line end that closes the quoted record, or -1 (state saved) when not in the buffer. */
  #findQuotedEnd(final: boolean): number {
    const buf = this.#buf;
    const len = this.#len;
    const delimiter = this.#settings.delimiter;
    let state = this.#state;
    let i = this.#cursor;
    for (; i < len; i++) {
      const c = buf[i] as number;
      if (state === IN_QUOTES) {
        if (c === QUOTE) state = QUOTE_SEEN;
        else if (c === LF || c === CR) this.#lineBreakInQuotes(c, i);
        this.#afterCr = c === CR;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && i + 1 === len && !final) break; // is it CRLF? the next chunk says
        this.#state = state;
        this.#cursor = i;
        return i;
      }
      if (c === delimiter) state = FIELD_START;
      else if (c === QUOTE && (state === FIELD_START || state === QUOTE_SEEN)) state = IN_QUOTES;
      else if (state === FIELD_START) state = UNQUOTED;
      else if (state === QUOTE_SEEN) {
        state = AFTER_QUOTE;
        this.#textAfterQuote = true;
      }
    }
    this.#state = state;
    this.#cursor = i;
    return -1;
  }

  #lineBreakInQuotes(c: number, i: number): void {
    if (c === LF && this.#afterCr) {
      if (this.#firstNext === i) this.#firstNext = i + 1; // the LF of a CRLF that ended the first line
      return;
    }
    this.#breaks++;
    if (this.#firstEnd < 0) {
      this.#firstEnd = i;
      this.#firstNext = i + 1;
    }
  }

  /** A quoted record ended at `end` (its terminator), the next starting at `next`. */
  #endQuoted(end: number, next: number): boolean {
    const { delimiter, encoding, file } = this.#settings;
    const start = this.#pos;
    const line = this.#line;
    const fields = parseFields(this.#buf, start, end, delimiter, encoding);
    const malformed = fields.length !== this.#width || this.#textAfterQuote;
    if (this.#width >= 0 && malformed && this.#breaks > 0) {
      // Most likely a stray quote that ran into later lines: give up only the first one.
      const raw = decodeBytes(this.#buf, start, this.#firstEnd, encoding);
      const spread = this.#breaks + 1;
      this.#handler.rejected(splitRecord({ file, line }, this.#width, fields.length, spread, raw));
      return this.#resumeAfterFirstLine();
    }
    this.#quoted = false;
    this.#line += this.#breaks + 1;
    this.#pos = Math.min(next, this.#len);
    const record = { fields, line, endLine: line + this.#breaks };
    if (this.#width < 0) this.#takeHeader(record, start, end, this.#pos);
    else if (fields.length !== this.#width) {
      const raw = decodeBytes(this.#buf, start, end, encoding);
      this.#handler.rejected(raggedRow({ file, line }, this.#width, fields.length, raw));
    } else this.#handler.record(record, this.#buf, start, end, this.#pos);
    return true;
  }

  /** An open quote at the end of input (`atEnd`) or a quoted record past the size limit. */
  #abandonQuoted(atEnd: boolean): boolean {
    const { file, encoding } = this.#settings;
    const place = { file, line: this.#line };
    if (this.#firstEnd >= 0) {
      const raw = decodeBytes(this.#buf, this.#pos, this.#firstEnd, encoding);
      this.#handler.rejected(unterminatedQuote(place, raw, this.#settings.maxRecordBytes));
      return this.#resumeAfterFirstLine();
    }
    this.#quoted = false;
    if (atEnd) {
      const raw = decodeBytes(this.#buf, this.#pos, this.#len, encoding);
      this.#handler.rejected(unterminatedQuote(place, raw, this.#settings.maxRecordBytes));
      this.#line++;
      this.#pos = this.#len;
      return false;
    }
    const inQuotes = this.#state === IN_QUOTES || this.#state === QUOTE_SEEN;
    this.#rejectLong(inQuotes ? 'unterminated-quote' : 'record-too-large', this.#cursor);
    return true;
  }

  #resumeAfterFirstLine(): boolean {
    this.#quoted = false;
    this.#pos = this.#firstNext;
    this.#line++;
    this.#firstEnd = -1;
    this.#firstNext = -1;
    return true;
  }

  /** Rejects the current physical line, already too long to keep, and skips to its end from `skipFrom`. */
  #rejectLong(reason: 'record-too-large' | 'unterminated-quote', skipFrom: number): void {
    const { file, maxRecordBytes } = this.#settings;
    const place = { file, line: this.#line };
    const rejection =
      reason === 'record-too-large'
        ? recordTooLarge(place, maxRecordBytes)
        : unterminatedQuote(place, undefined, maxRecordBytes);
    this.#handler.rejected(rejection);
    this.#skipping = true;
    this.#pos = skipFrom; // no line break lies before it: the scan stopped at the first one, if any
  }

  /** Skips to the end of the physical line being dropped; false when it needs more input. */
  #skip(final: boolean): boolean {
    const buf = this.#buf;
    let i = this.#pos;
    while (i < this.#len && buf[i] !== LF && buf[i] !== CR) i++;
    if (i === this.#len) {
      this.#pos = i;
      if (final) {
        this.#skipping = false;
        this.#line++;
      }
      return false;
    }
    if (buf[i] === CR && i + 1 === this.#len && !final) {
      this.#pos = i;
      return false;
    }
    this.#pos = buf[i] === CR && buf[i + 1] === LF ? i + 2 : i + 1;
    this.#line++;
    this.#skipping = false;
    return true;
  }
}
