// The scanner's vocabulary: the record it yields, its settings, and the states of its slow path.

/** One CSV row as read: its fields, the line it starts on, and (when asked) its exact text. */
export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (multi-line quoted fields advance later lines). */
  line: number;
  /** The record's exact source text, without its line terminator (only with `keepRaw`). */
  raw?: string;
}

/** What the scanner needs to know; lengths count UTF-16 code units of the decoded text. */
export interface CsvScannerSettings {
  file: string;
  delimiter: string;
  maxFieldLength: number;
  maxRecordLength: number;
  keepRaw: boolean;
}

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

// Where the slow scanner is inside the current field.
export const FIELD_START = 0;
export const UNQUOTED = 1;
export const IN_QUOTES = 2;
export const QUOTE_SEEN = 3; // a quote inside quotes: either the closing one or the first of a doubled pair
export const AFTER_QUOTE = 4; // text after the closing quote, kept literally (as Python's csv does)

/** Line feeds in `text[from, to)`: how many lines a multi-line record spans. */
export function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
