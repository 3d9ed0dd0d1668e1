// Orders: date formats, encodings and record limits.
import {
  BOM,
  b,
  type CorpusCase,
  counts,
  HEADER,
  joined,
  lf,
  many,
  refused,
  utf16be,
  utf16le,
} from './case-parts.js';
import * as order from './order-rows.js';

// The default date layouts, on a recent day (2025-06-20) and on an old one (2025-01-15).
const RECENT_IN_EVERY_LAYOUT = [
  '2025-06-20 10:00:00',
  '2025-06-20T10:00:00Z',
  '06/20/2025',
  '2025/06/20',
  '20-06-2025',
];
const OLD_IN_EVERY_LAYOUT = [
  '2025-01-15 10:00:00',
  '2025-01-15T10:00:00Z',
  '01/15/2025',
  '2025/01/15',
  '15-01-2025',
];

/**
 * `record` between the header and a kept order, lines ended by `eol`, read with maxRecordBytes `limit`;
 * the command reads with its 1 MiB default and keeps both (in `lines` lines).
 */
const besideLimit = (eol: string, record: string, limit: number, lines: number) => ({
  options: { maxRecordBytes: limit },
  bytes: b(joined(eol, [order.H, record, order.kept(2)])),
  command: counts(2, lines),
});

export const orderValueCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'orders-date-formats.csv',
    quirk: 'every default date layout, each once recent (kept) and once old (stale), all pending',
    bytes: lf(
      order.H,
      ...order.numbered([...RECENT_IN_EVERY_LAYOUT, ...OLD_IN_EVERY_LAYOUT], order.pendingOn),
    ),
    expected: counts(5, 11, { stale: 5 }),
  },
  {
    file: 'orders-iso-date-with-offset.csv',
    quirk:
      'ISO timestamps whose zone moves the UTC day: 05-31T23:30-02:00 is June 1 (kept), 05-31T00:30+02:00 is May 30 (stale)',
    bytes: lf(
      order.H,
      order.kept(1, '2025-05-31T23:30:00-02:00', 'pending'),
      order.kept(2, '2025-05-31T00:30:00+02:00', 'pending'),
    ),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-impossible-dates.csv',
    quirk: 'dates that look right but do not exist (Feb 30, month 13, day 0, Feb 29 of 2025)',
    bytes: lf(
      order.H,
      ...order.numbered(
        ['2025-02-30', '2025-13-01', '02/30/2025', '2025-06-00', '29-02-2025'],
        order.badDate,
      ),
      order.kept(6, '2024-02-29'),
    ),
    // 2024-02-29 exists (leap year) and the status is shipped: kept
    expected: counts(1, 7, {}, { 'invalid-date': 5 }),
  },
  {
    file: 'orders-missing-status-values.csv',
    quirk: 'empty and spaces-only statuses',
    bytes: lf(order.H, order.noStatus(1), order.kept(2, '2025-06-01', '   '), order.kept(3)),
    expected: counts(1, 4, {}, { 'missing-status': 2 }),
  },
  {
    file: 'orders-status-and-date-missing.csv',
    quirk: 'status and date both empty: the status is checked first',
    bytes: lf(order.H, 'O1,C1,,,1.50'),
    expected: counts(0, 2, {}, { 'missing-status': 1 }),
  },
  {
    file: 'orders-unicode-nbsp-status.csv',
    quirk: 'no-break spaces (U+00A0) around a status, and a status of one no-break space',
    bytes: lf(order.H, order.stale(1, '\u00a0pending\u00a0'), 'O2,C2,2025-06-01,\u00a0,2.50', order.kept(3)),
    expected: counts(1, 4, { stale: 1 }, { 'missing-status': 1 }),
  },
  {
    file: 'orders-windows-1252-byte.csv',
    quirk: 'stray Windows-1252 bytes (0xE9, 0xB0, 0xC9) in kept rows: copied byte for byte',
    bytes: b(
      order.H,
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
      order.H,
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
      order.H,
      'O1,Évry,2025-06-01,shipped,1.50',
      'O2,東京,2025-06-01,shipped,2.50',
      'O3,🛒,2025-01-15,pending,3.50',
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-truncated-utf8-sequence.csv',
    quirk: 'a UTF-8 sequence cut short (0xE2 0x82 then a comma): decoded as Windows-1252, kept as bytes',
    bytes: b(order.H, '\n', 'O1,C', [0xe2, 0x82], ',2025-06-01,shipped,1.50\n'),
    expected: counts(1, 2),
  },
  {
    file: 'orders-unicode-line-separators.csv',
    quirk: 'U+2028, U+2029 and U+0085 inside values are not line ends',
    bytes: lf(
      order.H,
      'O1,C\u20281,2025-06-01,shipped,1.50',
      'O2,C\u20292,2025-06-01,shipped,2.50',
      'O3,C\u00853,2025-01-15,pending,3.50',
    ),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-form-feed-vertical-tab.csv',
    quirk: 'form feed and vertical tab inside values are not line ends',
    bytes: lf(order.H, 'O1,C\f1,2025-06-01,shipped,1.50', 'O2,C\v2,2025-06-01,shipped,2.50'),
    expected: counts(2, 3),
  },
  {
    file: 'orders-nul-bytes.csv',
    quirk:
      'NUL bytes: inside a value, after a status (not trimmed: `pending\\0` is not stale), and a line of one NUL',
    bytes: b(
      order.H,
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
    bytes: utf16le(joined('\r\n', [order.H, ...order.FOUR])),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-utf16be-bom.csv',
    quirk: 'UTF-16 BE with a byte-order mark: transcoded',
    bytes: utf16be(joined('\n', [order.H, 'O1,Évry,2025-06-01,shipped,1.50', order.stale(2)])),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-utf16le-without-bom.csv',
    quirk:
      'UTF-16 LE without a byte-order mark: read as bytes, each line after the first starts with NUL; no status column',
    // lines: header (5 fields of NUL-interleaved names), 2 rows of 5 fields, a last line of one NUL (ragged)
    bytes: Buffer.from(joined('\n', [order.H, order.kept(1), order.stale(2)]), 'utf16le'),
    reader: counts(2, 4, {}, { 'ragged-row': 1 }),
    expected: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-record-over-limit.csv',
    quirk:
      'with maxRecordBytes 64: a 128-byte line is record-too-large and a quote left open past 64 bytes costs its line; the command and handler (1 MiB) keep the long line',
    options: { maxRecordBytes: 64 },
    // 1 header, 2 kept, 3 long (128 bytes), 4 kept, 5 opens a quote never closed, 6-9 kept
    bytes: lf(
      order.H,
      order.kept(1),
      `O3,C${'x'.repeat(100)},2025-06-01,shipped,3.50`,
      order.kept(4),
      'O5,"C5,2025-06-01,shipped,5.50',
      ...many(6, 4, order.kept),
    ),
    expected: counts(6, 9, {}, { 'record-too-large': 1, 'unterminated-quote': 1 }),
    command: counts(7, 9, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-quoted-record-at-limit-crlf.csv',
    quirk:
      'with maxRecordBytes equal to its text, a quoted record is kept whatever the chunking (its CRLF does not count)',
    ...besideLimit('\r\n', order.AT_LIMIT, order.AT_LIMIT.length, 3),
    expected: counts(2, 3),
  },
  {
    file: 'orders-quoted-record-at-limit-cr.csv',
    quirk: 'the same with lone CR endings: the CR that ends the record is not part of it',
    ...besideLimit('\r', order.AT_LIMIT, order.AT_LIMIT.length, 3),
    expected: counts(2, 3),
  },
  {
    file: 'orders-multiline-record-at-limit-crlf.csv',
    quirk:
      'a record over two lines (a CRLF inside quotes) whose text, that CRLF included, is exactly maxRecordBytes',
    // 1 header, 2-3 one record (kept: CustomerID holds the CRLF), 4 kept
    ...besideLimit('\r\n', order.AT_LIMIT_MULTILINE, order.AT_LIMIT_MULTILINE.length, 4),
    expected: counts(2, 4),
  },
  {
    file: 'orders-quoted-record-one-over-limit.csv',
    quirk:
      'a one-line quoted record one byte longer than maxRecordBytes: record-too-large, the next line read',
    ...besideLimit('\r\n', order.AT_LIMIT, order.AT_LIMIT.length - 1, 3),
    expected: counts(1, 3, {}, { 'record-too-large': 1 }),
  },
  {
    file: 'orders-repeated-header-row.csv',
    quirk: 'the header again on line 3 (two exports appended): a row whose date is "OrderDate", rejected',
    bytes: lf(order.H, order.kept(1), order.H, order.stale(2)),
    expected: counts(1, 4, { stale: 1 }, { 'invalid-date': 1 }),
  },
  {
    file: 'orders-concatenated-with-bom.csv',
    quirk: 'two BOM-prefixed exports concatenated: the second BOM and header sit on line 3, a rejected row',
    bytes: b(BOM, lf(order.H, order.kept(1)).toString(), BOM, lf(order.H, order.stale(2)).toString()),
    expected: counts(1, 4, { stale: 1 }, { 'invalid-date': 1 }),
  },
  {
    file: 'orders-header-over-limit.csv',
    quirk:
      'with maxRecordBytes 16 the 42-byte header cannot be read: refused; the command and handler read it',
    options: { maxRecordBytes: 16 },
    bytes: lf(order.H, order.kept(1), order.stale(2)),
    reader: refused(HEADER),
    expected: refused(HEADER),
    command: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-long-field-10kb.csv',
    quirk: 'a 10 KB value (crosses chunk boundaries at every chunk size tested)',
    bytes: lf(order.H, `O1,C${'y'.repeat(10_240)},2025-06-01,shipped,1.50`, order.stale(2)),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-many-rows.csv',
    quirk: '400 rows alternating kept and stale, CRLF (many chunks)',
    bytes: b(
      joined('\r\n', [order.H, ...many(1, 400, (n) => (n % 2 === 1 ? order.kept(n) : order.stale(n)))]),
    ),
    expected: counts(200, 401, { stale: 200 }),
  },
];
