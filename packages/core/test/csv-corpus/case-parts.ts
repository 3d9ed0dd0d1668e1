// Types and byte helpers of the bad-input corpus (cases.ts gathers the cases).

/** What one consumer reports for a file: `read` is derived (kept + dropped + rejected). */
export interface CaseCounts {
  kept: number;
  dropped?: Record<string, number>;
  rejected?: Record<string, number>;
  lines: number;
}
/** A consumer that must refuse the file as a whole: the error (or quarantine reason) it refuses with. */
export interface CaseRefusal {
  refused: string;
}
export type CaseOutcome = CaseCounts | CaseRefusal;

export interface CorpusCase {
  file: string;
  domain: 'orders' | 'customers' | 'events';
  quirk: string;
  bytes: Buffer;
  /** Reader options the reader-level and transform-level runs pass (commands and handlers cannot). */
  options?: { maxRecordBytes?: number; delimiter?: string };
  /** The domain's transform (filterStaleOrders, scoreCustomersCsv, detectBotsFromCsv) with `options`. */
  expected: CaseOutcome;
  /** Core's reader keeping every record; when absent, derived: every record the transform decides is kept. */
  reader?: CaseOutcome;
  /** The CLI command (default options); `expected` when absent, which needs `options` absent. */
  command?: CaseOutcome;
  /** The S3 handler (orders-dashboard's filter, ecommerce's events-to-parquet); `command` when absent. */
  handler?: CaseOutcome;
}

type Part = string | readonly number[];
/** Bytes from parts: strings as UTF-8, arrays as raw bytes. */
export const b = (...parts: Part[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))),
  );
/** Lines joined by `eol`, with a final `eol` unless `final` is false. */
export const joined = (eol: string, lines: readonly string[], final = true) =>
  lines.join(eol) + (final ? eol : '');
export const lf = (...lines: string[]) => b(joined('\n', lines));
export const counts = (
  kept: number,
  lines: number,
  dropped: Record<string, number> = {},
  rejected: Record<string, number> = {},
): CaseCounts => ({ kept, dropped, rejected, lines });
export const refused = (error: string): CaseRefusal => ({ refused: error });
export const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
export const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
export const BOM = [0xef, 0xbb, 0xbf];

export const HEADER = 'CsvHeaderError';
export const many = (from: number, count: number, row: (n: number) => string) =>
  Array.from({ length: count }, (_, i) => row(from + i));
