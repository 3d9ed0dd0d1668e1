// Orders: line endings, byte-order marks, blank lines and stray quotes.
import { BOM, b, type CorpusCase, counts, joined, lf, many, refused } from './case-parts.js';
import * as order from './order-rows.js';

export const orderLineCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'orders-clean-lf.csv',
    quirk: 'the baseline: LF endings, one row of each outcome',
    bytes: lf(order.H, ...order.FOUR),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-crlf.csv',
    quirk: 'CRLF line endings',
    bytes: b(joined('\r\n', [order.H, ...order.FOUR])),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-lone-cr.csv',
    quirk: 'lone CR (classic Mac) line endings: once read as one header line',
    bytes: b(joined('\r', [order.H, ...order.FOUR])),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-mixed-line-endings.csv',
    quirk: 'LF, CRLF and CR mixed in one file, ending in a lone CR',
    bytes: b(
      order.H,
      '\n',
      order.kept(1),
      '\r\n',
      order.stale(2),
      '\r',
      order.badDate(3),
      '\n',
      order.noStatus(4),
      '\r',
    ),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-no-final-newline.csv',
    quirk: 'the last row has no line terminator',
    bytes: b(joined('\n', [order.H, order.kept(1), order.stale(2)], false)),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-cr-at-eof.csv',
    quirk: 'CR endings with a CR as the very last byte (a CRLF cut in two would look the same mid-read)',
    bytes: b(joined('\r', [order.H, order.kept(1), order.stale(2)])),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-crlf-no-final-newline.csv',
    quirk: 'CRLF endings, last row unterminated',
    bytes: b(joined('\r\n', [order.H, order.kept(1), order.kept(2)], false)),
    expected: counts(2, 3),
  },
  {
    file: 'orders-utf8-bom.csv',
    quirk: 'UTF-8 byte-order mark before the header (kept output starts with it again)',
    bytes: b(BOM, lf(order.H, order.kept(1), order.stale(2)).toString()),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-bom-crlf.csv',
    quirk: 'byte-order mark and CRLF endings (Excel "CSV UTF-8")',
    bytes: b(BOM, joined('\r\n', [order.H, ...order.FOUR])),
    expected: order.FOUR_COUNTS(5),
  },
  {
    file: 'orders-bom-then-blank.csv',
    quirk: 'byte-order mark, then a blank line, then the header on line 2',
    // line 1 blank (dropped), 2 header, 3 kept
    bytes: b(BOM, '\n', lf(order.H, order.kept(1)).toString()),
    expected: counts(1, 3, { 'blank-line': 1 }),
  },
  {
    file: 'orders-bom-only.csv',
    quirk: 'nothing but a byte-order mark: no header, no line',
    bytes: b(BOM),
    reader: counts(0, 0),
    expected: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-blank-lines-before-header.csv',
    quirk: 'three blank lines (LF, LF, CRLF) before the header',
    // lines 1-3 blank, 4 header, 5 kept, 6 stale
    bytes: b('\n\n\r\n', lf(order.H, order.kept(1), order.stale(2)).toString()),
    expected: counts(1, 6, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-blank-lines-between-rows.csv',
    quirk: 'blank lines between rows',
    // 1 header, 2 kept, 3 blank, 4 stale, 5-6 blank, 7 kept
    bytes: lf(order.H, order.kept(1), '', order.stale(2), '', '', order.kept(3)),
    expected: counts(2, 7, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-trailing-blank-lines.csv',
    quirk: 'two blank lines after the last row',
    bytes: lf(order.H, order.kept(1), '', ''),
    expected: counts(1, 4, { 'blank-line': 2 }),
  },
  {
    file: 'orders-blank-line-each-ending.csv',
    quirk: 'a blank line ended by CRLF, one by CR and one by LF',
    // 1 header, 2 kept, 3 blank (CRLF), 4 stale, 5 blank (CR), 6 kept, 7 blank (LF)
    bytes: b(
      order.H,
      '\r\n',
      order.kept(1),
      '\r\n',
      '\r\n',
      order.stale(2),
      '\r',
      '\r',
      order.kept(3),
      '\n',
      '\n',
    ),
    expected: counts(2, 7, { 'blank-line': 3, stale: 1 }),
  },
  {
    file: 'orders-cr-cr-lf.csv',
    quirk: 'CR CR LF endings (a CRLF file whose lines got one more CR): each is a line and a blank line',
    // 1 header (CR), 2 blank (CRLF), 3 kept (CR), 4 blank (CRLF)
    bytes: b(order.H, '\r\r\n', order.kept(1), '\r\r\n'),
    expected: counts(1, 4, { 'blank-line': 2 }),
  },
  {
    file: 'orders-lf-cr-reversed.csv',
    quirk: 'LF CR endings (reversed CRLF): a line, then a blank line ended by the CR',
    // 1 header, 2 blank, 3 kept, 4 blank, 5 stale (unterminated)
    bytes: b(order.H, '\n\r', order.kept(1), '\n\r', order.stale(2)),
    expected: counts(1, 5, { 'blank-line': 2, stale: 1 }),
  },
  {
    file: 'orders-whitespace-only-line.csv',
    quirk: 'a line of three spaces is not blank: it is a one-field row',
    bytes: lf(order.H, order.kept(1), '   ', order.kept(2)),
    expected: counts(2, 4, {}, { 'ragged-row': 1 }),
  },
  {
    file: 'orders-header-only.csv',
    quirk: 'a header and no rows',
    bytes: lf(order.H),
    expected: counts(0, 1),
  },
  {
    file: 'orders-header-only-no-newline.csv',
    quirk: 'a header without a terminator, and no rows',
    bytes: b(order.H),
    expected: counts(0, 1),
  },
  {
    file: 'orders-empty.csv',
    quirk: 'zero bytes',
    bytes: b(),
    reader: counts(0, 0),
    expected: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-only-blank-lines.csv',
    quirk: 'two blank lines and no header',
    bytes: b('\n\r\n'),
    reader: counts(0, 2, { 'blank-line': 2 }),
    expected: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-all-rejected.csv',
    quirk: 'every row rejected (no readable date): the output is the header alone',
    bytes: lf(order.H, ...order.numbered(['soon', '', '2025-02-30', '13/45/2025', 'soon'], order.badDate)),
    expected: counts(0, 6, {}, { 'invalid-date': 5 }),
  },
  {
    file: 'orders-all-stale.csv',
    quirk: 'every row dropped as stale',
    bytes: lf(order.H, order.stale(1), order.stale(2, 'cancelled'), order.stale(3, 'canceled')),
    expected: counts(0, 4, { stale: 3 }),
  },
  {
    file: 'orders-stray-quote-row-10.csv',
    quirk: 'an unterminated quote on line 10, then 20 good rows: only line 10 is lost',
    // 1 header, 2-9 kept, 10 opens a quote no later byte closes, 11-30 kept
    bytes: lf(
      order.H,
      ...many(2, 8, order.kept),
      'O10,C10,"2025-06-01,shipped,10.50',
      ...many(11, 20, order.kept),
    ),
    expected: counts(28, 30, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-stray-quote-mid-field.csv',
    quirk: 'a quote inside an unquoted field is an ordinary character',
    bytes: lf(order.H, order.kept(1), 'O2,C2,2025-06-01,ship"ped,2.50', order.stale(3)),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-unterminated-quote-at-eof.csv',
    quirk: 'the last row opens a quote and the file ends (with a final LF)',
    bytes: lf(order.H, order.kept(1), order.kept(2), 'O3,C3,"2025-06-01,shipped,3.50'),
    expected: counts(2, 4, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-unterminated-quote-no-final-newline.csv',
    quirk: 'the last row opens a quote and the file ends without a terminator',
    bytes: b(joined('\n', [order.H, order.kept(1), order.kept(2), 'O3,C3,"2025-06-01,shipped,3.50'], false)),
    expected: counts(2, 4, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-lone-quote-last-byte.csv',
    quirk: 'the file ends with a lone quote opening an empty last field',
    bytes: b(order.H, '\n', order.kept(1), '\n', 'O2,C2,2025-06-01,shipped,"'),
    expected: counts(1, 3, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'orders-quote-spans-lines-right-width.csv',
    quirk:
      'a stray quote on line 3 closed by a stray quote on line 5 gives a 5-field record: RFC 4180 reads lines 3-5 as one row',
    // 1 header, 2 kept, 3-5 one record (CustomerID holds two line breaks; status shipped) kept, 6 stale
    bytes: lf(
      order.H,
      order.kept(1),
      'O3,"C3,2025-06-01,shipped,3.50',
      order.kept(4),
      'O5,C5",2025-06-01,shipped,5.50',
      order.stale(6),
    ),
    expected: counts(2, 6, { stale: 1 }),
  },
  {
    file: 'orders-stray-quote-ragged-after-close.csv',
    quirk: 'a quote opened on line 3 closes on line 4 into a 3-field record: only line 3 is rejected',
    // 1 header, 2 kept, 3 rejected (ragged-row), 4 re-read alone: status `shipped"`, kept; 5 stale
    bytes: lf(
      order.H,
      order.kept(1),
      'O3,"C3,2025-06-01,shipped,3.50',
      'O4,C4,2025-06-01,shipped",4.50',
      order.stale(5),
    ),
    expected: counts(2, 5, { stale: 1 }, { 'ragged-row': 1 }),
  },
  {
    file: 'orders-text-after-closing-quote.csv',
    quirk: 'text after a closing quote on a one-line record is kept literally (`"C2"x` reads C2x)',
    bytes: lf(order.H, order.kept(1), 'O2,"C2"x,2025-06-01,shipped,2.50', order.stale(3)),
    expected: counts(2, 4, { stale: 1 }),
  },
  {
    file: 'orders-text-after-quote-multiline.csv',
    quirk:
      'text after a quote that closed on the next line: line 3 rejected, line 4 read alone is ragged too',
    // 1 header, 2 kept, 3 `O3,"C3` rejected, 4 `x"y,2025-06-01,shipped,3.50` has 4 fields: rejected, 5 stale
    bytes: lf(order.H, order.kept(1), 'O3,"C3', 'x"y,2025-06-01,shipped,3.50', order.stale(5)),
    expected: counts(1, 5, { stale: 1 }, { 'ragged-row': 2 }),
  },
];
