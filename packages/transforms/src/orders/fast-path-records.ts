export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;

// Where the record's current field is, as in core's CSV scanner, whose rules this mirrors.
const FIELD_START = 0;
const UNQUOTED = 1;
const IN_QUOTES = 2;
const QUOTE_SEEN = 3; // a quote inside quotes: the closing one or the first of a doubled pair
const AFTER_QUOTE = 4;

/**
 * Finds where a CSV record ends in bytes that arrive in pieces: the first line feed outside
 * quotes. Only the quote state is kept, never the text, so a record of any size costs no memory.
 * Delimiter, quote and LF are ASCII, so UTF-8 and Windows-1252 text scan alike as bytes.
 */
export class RecordBoundary {
  #state = FIELD_START;
  #contentBytes = 0;
  #firstByte = -1;
  /** Line feeds inside quoted fields of the record so far (each one is a source line). */
  lineFeedsInside = 0;

  constructor(private readonly delimiter: number) {}

  /** Starts a new record. */
  reset(): void {
    this.#state = FIELD_START;
    this.#contentBytes = 0;
    this.#firstByte = -1;
    this.lineFeedsInside = 0;
  }

  /** True when the record ended so far holds nothing but an optional CR: a blank line. */
  get blank(): boolean {
    return this.#contentBytes === 0 || (this.#contentBytes === 1 && this.#firstByte === CR);
  }

  /** Index of the LF that ends the record in `bytes[from…]`, or -1 when it runs past the end. */
  find(bytes: Uint8Array, from: number): number {
    let state = this.#state;
    for (let i = from; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      if (this.#firstByte < 0) this.#firstByte = byte;
      if (state === IN_QUOTES) {
        if (byte === QUOTE) state = QUOTE_SEEN;
        else if (byte === LF) this.lineFeedsInside++;
        continue;
      }
      if (byte === QUOTE && (state === FIELD_START || state === QUOTE_SEEN)) state = IN_QUOTES;
      else if (byte === this.delimiter) state = FIELD_START;
      else if (byte === LF) return this.#ended(i - from, i);
      else if (state === FIELD_START) state = UNQUOTED;
      else if (state === QUOTE_SEEN) state = AFTER_QUOTE;
    }
    this.#contentBytes += bytes.length - from;
    this.#state = state;
    return -1;
  }

  #ended(scanned: number, at: number): number {
    this.#contentBytes += scanned;
    this.#state = FIELD_START;
    return at;
  }
}
