// The bad-input corpus, written by hand: each case is a file's bytes, the quirk it holds and the
// counts a reader of it must report, reasoned from the bytes (the comment beside a row says what
// becomes of it). `generate.ts` writes the files, manifest.json and the README table from this list.

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
const b = (...parts: Part[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))),
  );
/** Lines joined by `eol`, with a final `eol` unless `final` is false. */
const joined = (eol: string, lines: readonly string[], final = true) => lines.join(eol) + (final ? eol : '');
const lf = (...lines: string[]) => b(joined('\n', lines));
const counts = (
  kept: number,
  lines: number,
  dropped: Record<string, number> = {},
  rejected: Record<string, number> = {},
): CaseCounts => ({ kept, dropped, rejected, lines });
const refused = (error: string): CaseRefusal => ({ refused: error });
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
const BOM = [0xef, 0xbb, 0xbf];

// Orders, as of 2025-06-30 with maxAgeDays 30: 2025-06-01 is 29 days old (kept whatever the status),
// 2025-01-15 is 166 days old (stale when pending or cancelled).
const H = 'OrderID,CustomerID,OrderDate,Status,Amount';
const kept = (n: number, date = '2025-06-01', status = 'shipped') => `O${n},C${n},${date},${status},${n}.50`;
const stale = (n: number, status = 'pending') => `O${n},C${n},2025-01-15,${status},${n}.50`;
const badDate = (n: number, date = 'soon') => `O${n},C${n},${date},shipped,${n}.50`;
const noStatus = (n: number) => `O${n},C${n},2025-06-01,,${n}.50`;
/** The four outcomes in one file: kept, stale, invalid-date, missing-status. */
const FOUR = [kept(1), stale(2), badDate(3), noStatus(4)];
/** Quoted records longer than the header (42 bytes), for limits that let the header through. */
const AT_LIMIT = 'O1,"Customer, with a comma, and more",2025-06-01,shipped,1.50';
const AT_LIMIT_MULTILINE = 'O1,"Customer on\r\ntwo lines, and more",2025-06-01,shipped,1.50';
const FOUR_COUNTS = (lines: number, extra: Partial<CaseCounts> = {}) => ({
  ...counts(1, lines, { stale: 1 }, { 'invalid-date': 1, 'missing-status': 1 }),
  ...extra,
});
const NOT_TABLE_LAYOUT = refused('unreadable-object'); // the handler quarantines the whole object
const NO_COLUMN = 'OrderColumnNotFoundError';
const HEADER = 'CsvHeaderError';
const many = (from: number, count: number, row: (n: number) => string) =>
  Array.from({ length: count }, (_, i) => row(from + i));

const orderCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'orders-clean-lf.csv',
    quirk: 'the baseline: LF endings, one row of each outcome',
    bytes: lf(H, ...FOUR),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-crlf.csv',
    quirk: 'CRLF line endings',
    bytes: b(joined('\r\n', [H, ...FOUR])),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-lone-cr.csv',
    quirk: 'lone CR (classic Mac) line endings: once read as one header line',
    bytes: b(joined('\r', [H, ...FOUR])),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-mixed-line-endings.csv',
    quirk: 'LF, CRLF and CR mixed in one file, ending in a lone CR',
    bytes: b(H, '\n', kept(1), '\r\n', stale(2), '\r', badDate(3), '\n', noStatus(4), '\r'),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-no-final-newline.csv',
    quirk: 'the last row has no line terminator',
    bytes: b(joined('\n', [H, kept(1), stale(2)], false)),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-cr-at-eof.csv',
    quirk: 'CR endings with a CR as the very last byte (a CRLF cut in two would look the same mid-read)',
    bytes: b(joined('\r', [H, kept(1), stale(2)])),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-crlf-no-final-newline.csv',
    quirk: 'CRLF endings, last row unterminated',
    bytes: b(joined('\r\n', [H, kept(1), kept(2)], false)),
    expected: counts(2, 3),
  },
  {
    file: 'orders-utf8-bom.csv',
    quirk: 'UTF-8 byte-order mark before the header (kept output starts with it again)',
    bytes: b(BOM, lf(H, kept(1), stale(2)).toString()),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-bom-crlf.csv',
    quirk: 'byte-order mark and CRLF endings (Excel "CSV UTF-8")',
    bytes: b(BOM, joined('\r\n', [H, ...FOUR])),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-bom-then-blank.csv',
    quirk: 'byte-order mark, then a blank line, then the header on line 2',
    // line 1 blank (dropped), 2 header, 3 kept
    bytes: b(BOM, '\n', lf(H, kept(1)).toString()),
    expected: counts(1, 3, { 'blank-line': 1 }),
  },
  {
    file: 'orders-bom-only.csv',
    quirk: 'nothing but a byte-order mark: no header, no line',
    bytes: b(BOM),
    reader: counts(0, 0),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-blank-lines-before-header.csv',
    quirk: 'three blank lines (LF, LF, CRLF) before the header',
    // lines 1-3 blank, 4 header, 5 kept, 6 stale
    bytes: b('\n\n\r\n', lf(H, kept(1), stale(2)).toString()),
    expected: counts(1, 6, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-blank-lines-between-rows.csv',
    quirk: 'blank lines between rows',
    // 1 header, 2 kept, 3 blank, 4 stale, 5-6 blank, 7 kept
    bytes: lf(H, kept(1), '', stale(2), '', '', kept(3)),
    expected: counts(2, 7, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-trailing-blank-lines.csv',
    quirk: 'two blank lines after the last row',
    bytes: lf(H, kept(1), '', ''),
    expected: counts(1, 4, { 'blank-line': 2 }),
  },
  {
    file: 'orders-blank-line-each-ending.csv',
    quirk: 'a blank line ended by CRLF, one by CR and one by LF',
    // 1 header, 2 kept, 3 blank (CRLF), 4 stale, 5 blank (CR), 6 kept, 7 blank (LF)
    bytes: b(H, '\r\n', kept(1), '\r\n', '\r\n', stale(2), '\r', '\r', kept(3), '\n', '\n'),
    expected: counts(2, 7, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-cr-cr-lf.csv',
    quirk: 'CR CR LF endings (a CRLF file whose lines got one more CR): each is a line and a blank line',
    // 1 header (CR), 2 blank (CRLF), 3 kept (CR), 4 blank (CRLF)
    bytes: b(H, '\r\r\n', kept(1), '\r\r\n'),
    expected: counts(1, 4, { 'blank-line': 2 }),
  },
  {
    file: 'orders-lf-cr-reversed.csv',
    quirk: 'LF CR endings (reversed CRLF): a line, then a blank line ended by the CR',
    // 1 header, 2 blank, 3 kept, 4 blank, 5 stale (unterminated)
    bytes: b(H, '\n\r', kept(1), '\n\r', stale(2)),
    expected: counts(1, 5, { 'blank-line': 2, stale: 1 }),
  },
  {
    file: 'orders-whitespace-only-line.csv',
    quirk: 'a line of three spaces is not blank: it is a one-field row',
    bytes: lf(H, kept(1), '   ', kept(2)),
    expected: counts(2, 4, {}, { 'ragged-row': 1 }),
  },
  {
    file: 'orders-header-only.csv',
    quirk: 'a header and no rows',
    bytes: lf(H),
    expected: counts(0, 1),
  },
  {
    file: 'orders-header-only-no-newline.csv',
    quirk: 'a header without a terminator, and no rows',
    bytes: b(H),
    expected: counts(0, 1),
  },
  {
    file: 'orders-empty.csv',
    quirk: 'zero bytes',
    bytes: b(),
    reader: counts(0, 0),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-only-blank-lines.csv',
    quirk: 'two blank lines and no header',
    bytes: b('\n\r\n'),
    reader: counts(0, 2, { 'blank-line': 2 }),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-all-rejected.csv',
    quirk: 'every row rejected (no readable date): the output is the header alone',
    bytes: lf(H, badDate(1), badDate(2, ''), badDate(3, '2025-02-30'), badDate(4, '13/45/2025'), badDate(5)),
    expected: counts(0, 6, {}, { 'invalid-date': 5 }),
  },
  {
    file: 'orders-all-stale.csv',
    quirk: 'every row dropped as stale',
    bytes: lf(H, stale(1), stale(2, 'cancelled'), stale(3, 'canceled')),
    expected: counts(0, 4, { stale: 3 }),
  },
  {
    file: 'orders-stray-quote-row-10.csv',
    quirk: 'an unterminated quote on line 10, then 20 good rows: only line 10 is lost',
    // 1 header, 2-9 kept, 10 opens a quote no later byte closes, 11-30 kept
    bytes: lf(H, ...many(2, 8, kept), 'O10,C10,"2025-06-01,shipped,10.50', ...many(11, 20, kept)),
    expected: counts(28, 30, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-stray-quote-mid-field.csv',
    quirk: 'a quote inside an unquoted field is an ordinary character',
    bytes: lf(H, kept(1), 'O2,C2,2025-06-01,ship"ped,2.50', stale(3)),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-unterminated-quote-at-eof.csv',
    quirk: 'the last row opens a quote and the file ends (with a final LF)',
    bytes: lf(H, kept(1), kept(2), 'O3,C3,"2025-06-01,shipped,3.50'),
    expected: counts(2, 4, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-unterminated-quote-no-final-newline.csv',
    quirk: 'the last row opens a quote and the file ends without a terminator',
    bytes: b(joined('\n', [H, kept(1), kept(2), 'O3,C3,"2025-06-01,shipped,3.50'], false)),
    expected: counts(2, 4, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-lone-quote-last-byte.csv',
    quirk: 'the file ends with a lone quote opening an empty last field',
    bytes: b(H, '\n', kept(1), '\n', 'O2,C2,2025-06-01,shipped,"'),
    expected: counts(1, 3, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-quote-spans-lines-right-width.csv',
    quirk:
      'a stray quote on line 3 closed by a stray quote on line 5 gives a 5-field record: RFC 4180 reads lines 3-5 as one row',
    // 1 header, 2 kept, 3-5 one record (CustomerID holds two line breaks; status shipped) kept, 6 stale
    bytes: lf(
      H,
      kept(1),
      'O3,"C3,2025-06-01,shipped,3.50',
      kept(4),
      'O5,C5",2025-06-01,shipped,5.50',
      stale(6),
    ),
    expected: counts(2, 6, { stale: 1 }),
  },
  {
    file: 'orders-stray-quote-ragged-after-close.csv',
    quirk: 'a quote opened on line 3 closes on line 4 into a 3-field record: only line 3 is rejected',
    // 1 header, 2 kept, 3 rejected (ragged-row), 4 re-read alone: status `shipped"`, kept; 5 stale
    bytes: lf(H, kept(1), 'O3,"C3,2025-06-01,shipped,3.50', 'O4,C4,2025-06-01,shipped",4.50', stale(5)),
    expected: counts(2, 5, { stale: 1 }, { 'ragged-row': 1 }),
  },
  {
    file: 'orders-text-after-closing-quote.csv',
    quirk: 'text after a closing quote on a one-line record is kept literally (`"C2"x` reads C2x)',
    bytes: lf(H, kept(1), 'O2,"C2"x,2025-06-01,shipped,2.50', stale(3)),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-text-after-quote-multiline.csv',
    quirk:
      'text after a quote that closed on the next line: line 3 rejected, line 4 read alone is ragged too',
    // 1 header, 2 kept, 3 `O3,"C3` rejected, 4 `x"y,2025-06-01,shipped,3.50` has 4 fields: rejected, 5 stale
    bytes: lf(H, kept(1), 'O3,"C3', 'x"y,2025-06-01,shipped,3.50', stale(5)),
    expected: counts(1, 5, { stale: 1 }, { 'ragged-row': 2 }),
  },
  {
    file: 'orders-quoted-fields.csv',
    quirk: 'every field quoted, header included',
    bytes: lf(
      '"OrderID","CustomerID","OrderDate","Status","Amount"',
      '"O1","C1","2025-06-01","shipped","1.50"',
      '"O2","C2","2025-01-15","pending","2.50"',
      '"O3","C3","soon","shipped","3.50"',
    ),
    expected: counts(1, 4, { stale: 1 }, { 'invalid-date': 1 }),
  },
  {
    file: 'orders-quoted-comma-in-field.csv',
    quirk: 'a delimiter inside a quoted field',
    bytes: lf(H, 'O1,"Smith, John",2025-06-01,shipped,1.50', 'O2,"Doe, Jane",2025-01-15,pending,2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-escaped-quotes.csv',
    quirk: 'doubled quotes inside quoted fields, and a field that is only an escaped quote pair',
    bytes: lf(H, 'O1,"Gus ""the"" Great",2025-06-01,shipped,1.50', 'O2,"""",2025-01-15,pending,2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-doubled-quote-at-field-start.csv',
    quirk: 'a quoted value that starts and ends with an escaped quote (`"""VIP"""` reads "VIP")',
    bytes: lf(H, 'O1,"""VIP""",2025-06-01,shipped,1.50'),
    expected: counts(1, 2),
  },
  {
    file: 'orders-quoted-empty-fields.csv',
    quirk: 'quoted empty fields: an empty amount is kept, an empty status rejected',
    bytes: lf(H, 'O1,"",2025-06-01,shipped,""', 'O2,C2,2025-06-01,"",2.50'),
    expected: counts(1, 3, {}, { 'missing-status': 1 }),
  },
  {
    file: 'orders-quoted-date-and-status.csv',
    quirk: 'quoted date and status: decided from the decoded fields, as the byte rule would',
    bytes: lf(H, 'O1,C1,"2025-01-15","pending",1.50', 'O2,C2,"2025-06-01","PENDING",2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-lf-in-quoted-field.csv',
    quirk: 'an LF inside a quoted field: one record over lines 2-3',
    bytes: lf(H, 'O1,"C1 first', 'second",2025-06-01,shipped,1.50', stale(2)),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-crlf-in-quoted-field.csv',
    quirk: 'a CRLF inside a quoted field of a CRLF file: kept as CRLF, byte for byte',
    bytes: b(joined('\r\n', [H, 'O1,"C1 first', 'second",2025-06-01,shipped,1.50', stale(2)])),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-cr-in-quoted-field.csv',
    quirk: 'a lone CR inside a quoted field of an LF file',
    bytes: b(H, '\n', 'O1,"C1 first\rsecond",2025-06-01,shipped,1.50', '\n', stale(2), '\n'),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-multiline-quoted-five-lines.csv',
    quirk: 'a quoted field holding four line breaks (LF, CRLF, CR, LF): one record over five lines',
    // 1 header, 2 kept, 3-7 one kept record, 8 stale
    bytes: b(lf(H, kept(1)).toString(), 'O2,"a\nb\r\nc\rd\ne",2025-06-01,shipped,2.50\n', stale(3), '\n'),
    expected: counts(2, 8, { stale: 1 }),
  },
  {
    file: 'orders-quoted-header-multiline-name.csv',
    quirk:
      'a quoted header name holding a line break (`"Order\\nDate"` reads orderdate): the header spans lines 1-2',
    bytes: lf('OrderID,CustomerID,"Order', 'Date",Status,Amount', kept(1), stale(2)),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-unterminated-quote-in-header.csv',
    quirk: 'the header opens a quote that never closes: no row can be read, the file is refused',
    bytes: lf('"OrderID,CustomerID,OrderDate,Status,Amount', kept(1), kept(2)),
    reader: refused(HEADER),
    expected: refused(HEADER),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-ragged-rows.csv',
    quirk: 'rows with one field too few and one too many',
    bytes: lf(H, kept(1), 'O2,C2,2025-06-01,shipped', `${kept(3)},extra`, stale(4)),
    expected: counts(1, 5, { stale: 1 }, { 'ragged-row': 2 }),
  },
  {
    file: 'orders-trailing-comma.csv',
    quirk: 'every line (header too) ends with a comma: a sixth, unnamed column',
    bytes: lf(`${H},`, `${kept(1)},`, `${stale(2)},`),
    expected: counts(1, 3, { stale: 1 }),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-extra-column.csv',
    quirk: 'an extra Notes column after the five of the processed table',
    bytes: lf(`${H},Notes`, `${kept(1)},fragile`, `${stale(2)},`),
    expected: counts(1, 3, { stale: 1 }),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-reordered-columns.csv',
    quirk: 'the columns in another order (found by name; the table reads by position)',
    bytes: lf(
      'Status,OrderDate,OrderID,CustomerID,Amount',
      'shipped,2025-06-01,O1,C1,1.50',
      'pending,2025-01-15,O2,C2,2.50',
    ),
    expected: counts(1, 3, { stale: 1 }),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-blank-header-names.csv',
    quirk: 'two empty header names (CustomerID and Amount unnamed)',
    bytes: lf('OrderID,,OrderDate,Status,', kept(1), stale(2)),
    expected: counts(1, 3, { stale: 1 }),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-duplicate-status-columns.csv',
    quirk: 'two status columns (Status and status): refused naming both, never a silent pick',
    bytes: lf(`${H},status`, `${kept(1)},pending`, `${stale(2)},shipped`),
    reader: counts(2, 3),
    expected: refused(HEADER),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-duplicate-date-columns-normalised.csv',
    quirk: '`Order Date` and `order_date` normalise to one name: refused',
    bytes: lf('OrderID,CustomerID,Order Date,Status,Amount,order_date', `${kept(1)},2025-01-15`),
    reader: counts(1, 2),
    expected: refused(HEADER),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-missing-status-column.csv',
    quirk: 'no status column at all',
    bytes: lf('OrderID,CustomerID,OrderDate,Amount', 'O1,C1,2025-06-01,1.50'),
    reader: counts(1, 2),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-missing-date-column.csv',
    quirk: 'no order-date column at all',
    bytes: lf('OrderID,CustomerID,Status,Amount', 'O1,C1,shipped,1.50'),
    reader: counts(1, 2),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-status-date-aliases.csv',
    quirk: 'the alias names OrderStatus and Date',
    bytes: lf('OrderID,CustomerID,Date,OrderStatus,Amount', kept(1), stale(2)),
    expected: counts(1, 3, { stale: 1 }),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-spaced-lowercase-header.csv',
    quirk: 'lower-case, spaced, padded header names (` order id ,customer-id,order_date, status ,AMOUNT`)',
    bytes: lf(' order id ,customer-id,order_date, status ,AMOUNT', kept(1), stale(2)),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-semicolon-delimited.csv',
    quirk: 'semicolons as delimiters (a European export) read with commas: one column, no status',
    // header is one field; row 2 has one field (kept by the reader), row 3 a decimal comma: 2 fields, ragged
    bytes: lf(
      'OrderID;CustomerID;OrderDate;Status;Amount',
      'O1;C1;2025-06-01;shipped;1',
      'O2;C2;2025-01-15;pending;2,50',
    ),
    reader: counts(1, 3, {}, { 'ragged-row': 1 }),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-tab-delimited.csv',
    quirk:
      'tab-delimited: read with `delimiter: "\\t"`; the command and handler (commas only) find no status',
    options: { delimiter: '\t' },
    bytes: b(
      joined(
        '\n',
        [H, kept(1), stale(2)].map((line) => line.replaceAll(',', '\t')),
      ),
    ),
    expected: counts(1, 3, { stale: 1 }),
    command: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-padded-values.csv',
    quirk: 'spaces around dates and statuses (trimmed before the rule decides)',
    bytes: lf(
      H,
      'O1,C1, 2025-06-01 , Pending ,1.50',
      'O2,C2, 2025-01-15 , PENDING ,2.50',
      'O3,C3,2025-01-15,  cancelled,3.50',
    ),
    expected: counts(1, 4, { stale: 2 }),
  },
  {
    file: 'orders-status-with-tabs.csv',
    quirk: 'tabs around a status (trim removes them, as it does spaces)',
    bytes: lf(H, 'O1,C1,2025-01-15,\tpending\t,1.50', 'O2,C2,2025-01-15,\t,2.50'),
    expected: counts(0, 3, { stale: 1 }, { 'missing-status': 1 }),
  },
  {
    file: 'orders-status-case.csv',
    quirk: 'statuses in every case: PENDING, Cancelled, CANCELED are stale; Shipped is kept',
    bytes: lf(H, stale(1, 'PENDING'), stale(2, 'Cancelled'), stale(3, 'CANCELED'), stale(4, 'Shipped')),
    expected: counts(1, 5, { stale: 3 }),
  },
  {
    file: 'orders-exactly-30-days.csv',
    quirk: 'the age boundary: 30 days old is kept, 31 is stale, a future date is kept',
    bytes: lf(
      H,
      kept(1, '2025-05-31', 'pending'),
      kept(2, '2025-05-30', 'pending'),
      kept(3, '2025-07-01', 'pending'),
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-date-formats.csv',
    quirk: 'every default date layout, each once recent (kept) and once old (stale), all pending',
    bytes: lf(
      H,
      kept(1, '2025-06-20 10:00:00', 'pending'),
      kept(2, '2025-06-20T10:00:00Z', 'pending'),
      kept(3, '06/20/2025', 'pending'),
      kept(4, '2025/06/20', 'pending'),
      kept(5, '20-06-2025', 'pending'),
      kept(6, '2025-01-15 10:00:00', 'pending'),
      kept(7, '2025-01-15T10:00:00Z', 'pending'),
      kept(8, '01/15/2025', 'pending'),
      kept(9, '2025/01/15', 'pending'),
      kept(10, '15-01-2025', 'pending'),
    ),
    expected: counts(5, 11, { stale: 5 }),
  },
  {
    file: 'orders-iso-date-with-offset.csv',
    quirk:
      'ISO timestamps whose zone moves the UTC day: 05-31T23:30-02:00 is June 1 (kept), 05-31T00:30+02:00 is May 30 (stale)',
    bytes: lf(
      H,
      kept(1, '2025-05-31T23:30:00-02:00', 'pending'),
      kept(2, '2025-05-31T00:30:00+02:00', 'pending'),
    ),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-impossible-dates.csv',
    quirk: 'dates that look right but do not exist (Feb 30, month 13, day 0, Feb 29 of 2025)',
    bytes: lf(
      H,
      badDate(1, '2025-02-30'),
      badDate(2, '2025-13-01'),
      badDate(3, '02/30/2025'),
      badDate(4, '2025-06-00'),
      badDate(5, '29-02-2025'),
      kept(6, '2024-02-29'),
    ),
    // 2024-02-29 exists (leap year) and the status is shipped: kept
    expected: counts(1, 7, {}, { 'invalid-date': 5 }),
  },
  {
    file: 'orders-missing-status-values.csv',
    quirk: 'empty and spaces-only statuses',
    bytes: lf(H, noStatus(1), 'O2,C2,2025-06-01,   ,2.50', kept(3)),
    expected: counts(1, 4, {}, { 'missing-status': 2 }),
  },
  {
    file: 'orders-status-and-date-missing.csv',
    quirk: 'status and date both empty: the status is checked first',
    bytes: lf(H, 'O1,C1,,,1.50'),
    expected: counts(0, 2, {}, { 'missing-status': 1 }),
  },
  {
    file: 'orders-unicode-nbsp-status.csv',
    quirk: 'no-break spaces (U+00A0) around a status, and a status of one no-break space',
    bytes: lf(H, stale(1, '\u00a0pending\u00a0'), 'O2,C2,2025-06-01,\u00a0,2.50', kept(3)),
    expected: counts(1, 4, { stale: 1 }, { 'missing-status': 1 }),
  },
  {
    file: 'orders-windows-1252-byte.csv',
    quirk: 'stray Windows-1252 bytes (0xE9, 0xB0, 0xC9) in kept rows: copied byte for byte',
    bytes: b(
      H,
      '\n',
      'O1,Caf',
      [0xe9],
      ',2025-06-01,shipped,1.50\n',
      'O2,C',
      [0xb0],
      '2,2025-06-01,shipped,2.50\n',
      'O3,',
      [0xc9],
      'vry,2025-01-15,pending,3.50\n',
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-windows-1252-status.csv',
    quirk:
      'a Windows-1252 byte inside a status (`exp\\xE9di\\xE9`) and after a stale one (`pending\\xA0`, a 1252 no-break space)',
    // status `expédié` kept; `pending` + 0xA0 decodes to `pending\u00a0`, trimmed to pending: stale
    bytes: b(
      H,
      '\n',
      'O1,C1,2025-01-15,exp',
      [0xe9],
      'di',
      [0xe9],
      ',1.50\n',
      'O2,C2,2025-01-15,pending',
      [0xa0],
      ',2.50\n',
    ),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-utf8-multibyte.csv',
    quirk: 'multi-byte UTF-8 in values (accents, CJK, an emoji)',
    bytes: lf(
      H,
      'O1,Évry,2025-06-01,shipped,1.50',
      'O2,東京,2025-06-01,shipped,2.50',
      'O3,🛒,2025-01-15,pending,3.50',
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-truncated-utf8-sequence.csv',
    quirk: 'a UTF-8 sequence cut short (0xE2 0x82 then a comma): decoded as Windows-1252, kept as bytes',
    bytes: b(H, '\n', 'O1,C', [0xe2, 0x82], ',2025-06-01,shipped,1.50\n'),
    expected: counts(1, 2),
  },
  {
    file: 'orders-unicode-line-separators.csv',
    quirk: 'U+2028, U+2029 and U+0085 inside values are not line ends',
    bytes: lf(
      H,
      'O1,C\u20281,2025-06-01,shipped,1.50',
      'O2,C\u20292,2025-06-01,shipped,2.50',
      'O3,C\u00853,2025-01-15,pending,3.50',
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-form-feed-vertical-tab.csv',
    quirk: 'form feed and vertical tab inside values are not line ends',
    bytes: lf(H, 'O1,C\f1,2025-06-01,shipped,1.50', 'O2,C\v2,2025-06-01,shipped,2.50'),
    expected: counts(2, 3),
  },
  {
    file: 'orders-nul-bytes.csv',
    quirk:
      'NUL bytes: inside a value, after a status (not trimmed: `pending\\0` is not stale), and a line of one NUL',
    bytes: b(
      H,
      '\n',
      'O1,C',
      [0],
      '1,2025-06-01,shipped,1.50\n',
      'O2,C2,2025-01-15,pending',
      [0],
      ',2.50\n',
      [0],
      '\n',
    ),
    expected: counts(2, 4, {}, { 'ragged-row': 1 }),
  },
  {
    file: 'orders-utf16le-bom.csv',
    quirk: 'UTF-16 LE with a byte-order mark and CRLF endings (Excel "Unicode text"): transcoded',
    bytes: utf16le(joined('\r\n', [H, ...FOUR])),
    expected: FOUR_COUNTS(5),
  },
  {
    file: 'orders-utf16be-bom.csv',
    quirk: 'UTF-16 BE with a byte-order mark: transcoded',
    bytes: utf16be(joined('\n', [H, 'O1,Évry,2025-06-01,shipped,1.50', stale(2)])),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-utf16le-without-bom.csv',
    quirk:
      'UTF-16 LE without a byte-order mark: read as bytes, each line after the first starts with NUL; no status column',
    // lines: header (5 fields of NUL-interleaved names), 2 rows of 5 fields, a last line of one NUL (ragged)
    bytes: Buffer.from(joined('\n', [H, kept(1), stale(2)]), 'utf16le'),
    reader: counts(2, 4, {}, { 'ragged-row': 1 }),
    expected: refused(NO_COLUMN),
    handler: NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-record-over-limit.csv',
    quirk:
      'with maxRecordBytes 64: a 128-byte line is record-too-large and a quote left open past 64 bytes costs its line; the command and handler (1 MiB) keep the long line',
    options: { maxRecordBytes: 64 },
    // 1 header, 2 kept, 3 long (128 bytes), 4 kept, 5 opens a quote never closed, 6-9 kept
    bytes: lf(
      H,
      kept(1),
      `O3,C${'x'.repeat(100)},2025-06-01,shipped,3.50`,
      kept(4),
      'O5,"C5,2025-06-01,shipped,5.50',
      ...many(6, 4, kept),
    ),
    expected: counts(6, 9, {}, { 'record-too-large': 1, 'unterminated-quote': 1 }),
    command: counts(7, 9, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-quoted-record-at-limit-crlf.csv',
    quirk:
      'with maxRecordBytes equal to its text, a quoted record is kept whatever the chunking (its CRLF does not count)',
    options: { maxRecordBytes: AT_LIMIT.length },
    bytes: b(joined('\r\n', [H, AT_LIMIT, kept(2)])),
    expected: counts(2, 3),
    command: counts(2, 3),
  },
  {
    file: 'orders-quoted-record-at-limit-cr.csv',
    quirk: 'the same with lone CR endings: the CR that ends the record is not part of it',
    options: { maxRecordBytes: AT_LIMIT.length },
    bytes: b(joined('\r', [H, AT_LIMIT, kept(2)])),
    expected: counts(2, 3),
    command: counts(2, 3),
  },
  {
    file: 'orders-multiline-record-at-limit-crlf.csv',
    quirk:
      'a record over two lines (a CRLF inside quotes) whose text, that CRLF included, is exactly maxRecordBytes',
    options: { maxRecordBytes: AT_LIMIT_MULTILINE.length },
    // 1 header, 2-3 one record (kept: CustomerID holds the CRLF), 4 kept
    bytes: b(joined('\r\n', [H, AT_LIMIT_MULTILINE, kept(2)])),
    expected: counts(2, 4),
    command: counts(2, 4),
  },
  {
    file: 'orders-quoted-record-one-over-limit.csv',
    quirk:
      'a one-line quoted record one byte longer than maxRecordBytes: record-too-large, the next line read',
    options: { maxRecordBytes: AT_LIMIT.length - 1 },
    bytes: b(joined('\r\n', [H, AT_LIMIT, kept(2)])),
    expected: counts(1, 3, {}, { 'record-too-large': 1 }),
    command: counts(2, 3),
  },
  {
    file: 'orders-repeated-header-row.csv',
    quirk: 'the header again on line 3 (two exports appended): a row whose date is "OrderDate", rejected',
    bytes: lf(H, kept(1), H, stale(2)),
    expected: counts(1, 4, { stale: 1 }, { 'invalid-date': 1 }),
  },
  {
    file: 'orders-concatenated-with-bom.csv',
    quirk: 'two BOM-prefixed exports concatenated: the second BOM and header sit on line 3, a rejected row',
    bytes: b(BOM, lf(H, kept(1)).toString(), BOM, lf(H, stale(2)).toString()),
    expected: counts(1, 4, { stale: 1 }, { 'invalid-date': 1 }),
  },
  {
    file: 'orders-header-over-limit.csv',
    quirk:
      'with maxRecordBytes 16 the 42-byte header cannot be read: refused; the command and handler read it',
    options: { maxRecordBytes: 16 },
    bytes: lf(H, kept(1), stale(2)),
    reader: refused(HEADER),
    expected: refused(HEADER),
    command: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-long-field-10kb.csv',
    quirk: 'a 10 KB value (crosses chunk boundaries at every chunk size tested)',
    bytes: lf(H, `O1,C${'y'.repeat(10_240)},2025-06-01,shipped,1.50`, stale(2)),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-many-rows.csv',
    quirk: '400 rows alternating kept and stale, CRLF (many chunks)',
    bytes: b(joined('\r\n', [H, ...many(1, 400, (n) => (n % 2 === 1 ? kept(n) : stale(n)))])),
    expected: counts(200, 401, { stale: 200 }),
  },
];

// Customers (DESIGN §4.4): every readable row with the five numbers is scored (kept), any other is
// rejected `invalid-customer`; nothing is dropped but blank lines.
const CH = 'Customer_ID,Location, Purchase_Amount ,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction';
const customer = (id: string, amount = ' $333.80  ', location = 'Paris') =>
  `${id},${location},${amount},4,5,7`;

const customerCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'customers-padded-header-dollar-amounts.csv',
    quirk: 'a padded ` Purchase_Amount ` header and ` $333.80  ` amounts; `N/A` is rejected',
    bytes: lf(CH, customer('37-611-6911'), customer('29-392-9296', '$1.5'), customer('11-111-1111', 'N/A')),
    expected: counts(2, 4, {}, { 'invalid-customer': 1 }),
  },
  {
    file: 'customers-windows-1252-location.csv',
    quirk: 'a stray Windows-1252 byte in a location (`\\xC9vry`) beside UTF-8 `Évry`',
    bytes: b(CH, '\n', customer('1', '10', 'Évry'), '\n', '2,', [0xc9], 'vry,20,4,5,7\n'),
    expected: counts(2, 3),
  },
  {
    file: 'customers-spaced-lowercase-header.csv',
    quirk: 'lower-case spaced header names (`customer id`, `purchase amount`)',
    bytes: lf(
      'customer id,location,purchase amount,frequency of purchase,brand loyalty,customer satisfaction',
      customer('1'),
      customer('2'),
    ),
    expected: counts(2, 3),
  },
  {
    file: 'customers-duplicate-amount-columns.csv',
    quirk: '` Purchase_Amount ` and `purchase-amount` normalise to one name: refused naming both',
    bytes: lf(`${CH},purchase-amount`, `${customer('1')},999`),
    reader: counts(1, 2),
    expected: refused(HEADER),
  },
  {
    file: 'customers-missing-loyalty-column.csv',
    quirk: 'no Brand_Loyalty column',
    bytes: lf(
      'Customer_ID,Location,Purchase_Amount,Frequency_of_Purchase,Customer_Satisfaction',
      '1,Paris,10,4,7',
    ),
    reader: counts(1, 2),
    expected: refused('CsvColumnNotFoundError'),
  },
  {
    file: 'customers-empty.csv',
    quirk: 'zero bytes',
    bytes: b(),
    reader: counts(0, 0),
    expected: refused('CsvColumnNotFoundError'),
  },
  {
    file: 'customers-lone-cr.csv',
    quirk: 'lone CR line endings',
    bytes: b(joined('\r', [CH, customer('1'), customer('2'), customer('3', 'lots')])),
    expected: counts(2, 4, {}, { 'invalid-customer': 1 }),
  },
  {
    file: 'customers-stray-quote.csv',
    quirk: 'an unterminated quote on line 3: only that line is lost',
    bytes: lf(CH, customer('1'), '2,"Paris,10,4,5,7', customer('3'), customer('4')),
    expected: counts(3, 5, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'customers-utf16le-bom.csv',
    quirk: 'UTF-16 LE with a byte-order mark: transcoded',
    bytes: utf16le(joined('\r\n', [CH, customer('1', '10', 'Évry'), customer('2')])),
    expected: counts(2, 3),
  },
  {
    file: 'customers-thousands-separators.csv',
    quirk: 'a quoted `"$1,234.50"` is one amount; an unquoted `12,5` splits the row (ragged)',
    bytes: lf(CH, '1,Paris,"$1,234.50",4,5,7', '2,Paris,12,5,4,5,7', customer('3')),
    expected: counts(2, 4, {}, { 'ragged-row': 1 }),
  },
  {
    file: 'customers-empty-id.csv',
    quirk: 'empty and spaces-only Customer_ID',
    bytes: lf(CH, customer(''), customer('   '), customer('3')),
    expected: counts(1, 4, {}, { 'invalid-customer': 2 }),
  },
  {
    file: 'customers-bom-crlf-blank-lines.csv',
    quirk: 'byte-order mark, CRLF, blank lines between and after rows',
    bytes: b(BOM, joined('\r\n', [CH, customer('1'), '', customer('2'), ''])),
    expected: counts(2, 5, { 'blank-line': 2 }),
  },
  {
    file: 'customers-ragged-rows.csv',
    quirk: 'rows with too few and too many fields',
    bytes: lf(CH, customer('1'), '2,Paris,10,4,5', `${customer('3')},x`),
    expected: counts(1, 4, {}, { 'ragged-row': 2 }),
  },
  {
    file: 'customers-multiline-quoted-location.csv',
    quirk: 'a location with a CRLF inside quotes: one record over two lines',
    bytes: b(joined('\r\n', [CH, '1,"Saint-\r\nDenis",10,4,5,7', customer('2')])),
    expected: counts(2, 4),
  },
];

// Events (rees46): rows valid for BotEventSchema are counted (kept); others rejected `schema`. Times
// ascend, so no event is late; every row has a user_id, so none is dropped `no-key`.
/** The events handler must settle a file no retry can fix (quarantined whole), not fail it for Lambda to retry. */
const NOT_RETRIED = refused('permanent');
const EH = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const event = (second: number, user = '520088904', type = 'view', time?: string) =>
  `${time ?? `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC`},${type},1003461,2053013555631882655,electronics.smartphone,xiaomi,489.07,${user},4d3b30da-a5e4`;

const eventCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'events-clean.csv',
    quirk: 'the baseline: three valid events',
    bytes: lf(EH, event(1), event(2), event(3, '530496790', 'cart')),
    expected: counts(3, 4),
  },
  {
    file: 'events-bad-event-time.csv',
    quirk: 'an hour 25 and a word where the time should be',
    bytes: lf(
      EH,
      event(1),
      event(2, undefined, 'view', '2019-11-01 25:00:00 UTC'),
      event(3, undefined, 'view', 'yesterday'),
      event(4),
    ),
    expected: counts(2, 5, {}, { schema: 2 }),
  },
  {
    file: 'events-unknown-event-type.csv',
    quirk: 'an event type outside view|cart|remove_from_cart|purchase',
    bytes: lf(EH, event(1, undefined, 'click'), event(2, undefined, 'purchase')),
    expected: counts(1, 3, {}, { schema: 1 }),
  },
  {
    file: 'events-empty-user-id.csv',
    quirk: 'an empty user_id (the schema requires one: rejected, not dropped)',
    bytes: lf(EH, event(1), event(2, ''), event(3)),
    expected: counts(2, 4, {}, { schema: 1 }),
  },
  {
    file: 'events-stray-quote.csv',
    quirk: 'an unterminated quote in a brand on line 3: only that line is lost',
    bytes: lf(EH, event(1), event(2).replace('xiaomi', '"xiaomi'), event(3), event(4)),
    expected: counts(3, 5, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'events-lone-cr.csv',
    quirk: 'lone CR line endings',
    bytes: b(joined('\r', [EH, event(1), event(2), event(3)])),
    expected: counts(3, 4),
  },
  {
    file: 'events-crlf-bom.csv',
    quirk: 'byte-order mark and CRLF endings',
    bytes: b(BOM, joined('\r\n', [EH, event(1), event(2)])),
    expected: counts(2, 3),
  },
  {
    file: 'events-quoted-category-code.csv',
    quirk: 'a quoted category_code holding a comma, and a quoted user_id',
    bytes: lf(
      EH,
      event(1).replace('electronics.smartphone', '"electronics,smartphone"'),
      event(2).replace(',520088904,', ',"520088904",'),
    ),
    expected: counts(2, 3),
  },
  {
    file: 'events-19-digit-ids.csv',
    quirk: 'category and product ids of 19 digits (beyond 2^53), kept as text',
    bytes: lf(EH, event(1).replace('1003461', '2053013555631882655'), event(2)),
    expected: counts(2, 3),
  },
  {
    file: 'events-ragged-rows.csv',
    quirk: 'a row missing user_session and one with an extra field',
    bytes: lf(EH, event(1), event(2).replace(',4d3b30da-a5e4', ''), `${event(3)},x`, event(4)),
    expected: counts(2, 5, {}, { 'ragged-row': 2 }),
  },
  {
    file: 'events-utf16be-bom.csv',
    quirk: 'UTF-16 BE with a byte-order mark: transcoded',
    bytes: utf16be(joined('\n', [EH, event(1), event(2)])),
    expected: counts(2, 3),
  },
  {
    file: 'events-duplicate-user-id-columns.csv',
    quirk: '`user_id` and `User ID` normalise to one name: refused naming both',
    bytes: lf(`${EH},User ID`, `${event(1)},1`),
    reader: counts(1, 2),
    expected: refused(HEADER),
    handler: NOT_RETRIED,
  },
  {
    file: 'events-missing-event-time-column.csv',
    quirk: 'no event_time column',
    bytes: lf(EH.replace('event_time,', ''), event(1).replace(/^[^,]*,/, '')),
    reader: counts(1, 2),
    expected: refused('BotEventColumnError'),
    handler: NOT_RETRIED,
  },
  {
    file: 'events-empty.csv',
    quirk: 'zero bytes',
    bytes: b(),
    reader: counts(0, 0),
    expected: refused('BotEventColumnError'),
    handler: NOT_RETRIED,
  },
];

/** Every case of the corpus, domain filled in. */
export const CORPUS_CASES: readonly CorpusCase[] = [
  ...orderCases.map((c) => ({ ...c, domain: 'orders' as const })),
  ...customerCases.map((c) => ({ ...c, domain: 'customers' as const })),
  ...eventCases.map((c) => ({ ...c, domain: 'events' as const })),
];
