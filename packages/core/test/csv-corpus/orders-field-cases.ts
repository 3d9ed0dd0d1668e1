// Orders: quoted fields, header names, delimiters and padded values.
import { b, type CorpusCase, counts, HEADER, joined, lf, refused } from './case-parts.js';
import * as order from './order-rows.js';

/** One kept and one stale order under other column names: found by name, but the table reads by position. */
const renamedColumns = (header: string) => ({
  bytes: lf(header, order.kept(1), order.stale(2)),
  expected: counts(1, 3, { stale: 1 }),
  handler: order.NOT_TABLE_LAYOUT,
});

/** One row under a header without a column the rule needs: core's reader keeps it, the transform refuses the file. */
const withoutColumn = (header: string, row: string) => ({
  bytes: lf(header, row),
  reader: counts(1, 2),
  expected: refused(order.NO_COLUMN),
  handler: order.NOT_TABLE_LAYOUT,
});

export const orderFieldCases: Omit<CorpusCase, 'domain'>[] = [
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
    bytes: lf(order.H, 'O1,"Smith, John",2025-06-01,shipped,1.50', 'O2,"Doe, Jane",2025-01-15,pending,2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-escaped-quotes.csv',
    quirk: 'doubled quotes inside quoted fields, and a field that is only an escaped quote pair',
    bytes: lf(order.H, 'O1,"Gus ""the"" Great",2025-06-01,shipped,1.50', 'O2,"""",2025-01-15,pending,2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-doubled-quote-at-field-start.csv',
    quirk: 'a quoted value that starts and ends with an escaped quote (`"""VIP"""` reads "VIP")',
    bytes: lf(order.H, 'O1,"""VIP""",2025-06-01,shipped,1.50'),
    expected: counts(1, 2),
  },
  {
    file: 'orders-quoted-empty-fields.csv',
    quirk: 'quoted empty fields: an empty amount is kept, an empty status rejected',
    bytes: lf(order.H, 'O1,"",2025-06-01,shipped,""', 'O2,C2,2025-06-01,"",2.50'),
    expected: counts(1, 3, {}, { 'missing-status': 1 }),
  },
  {
    file: 'orders-quoted-date-and-status.csv',
    quirk: 'quoted date and status: decided from the decoded fields, as the byte rule would',
    bytes: lf(order.H, 'O1,C1,"2025-01-15","pending",1.50', 'O2,C2,"2025-06-01","PENDING",2.50'),
    expected: counts(1, 3, { stale: 1 }),
  },
  {
    file: 'orders-lf-in-quoted-field.csv',
    quirk: 'an LF inside a quoted field: one record over lines 2-3',
    bytes: lf(order.H, 'O1,"C1 first', 'second",2025-06-01,shipped,1.50', order.stale(2)),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-crlf-in-quoted-field.csv',
    quirk: 'a CRLF inside a quoted field of a CRLF file: kept as CRLF, byte for byte',
    bytes: b(joined('\r\n', [order.H, 'O1,"C1 first', 'second",2025-06-01,shipped,1.50', order.stale(2)])),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-cr-in-quoted-field.csv',
    quirk: 'a lone CR inside a quoted field of an LF file',
    bytes: b(order.H, '\n', 'O1,"C1 first\rsecond",2025-06-01,shipped,1.50', '\n', order.stale(2), '\n'),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-multiline-quoted-five-lines.csv',
    quirk: 'a quoted field holding four line breaks (LF, CRLF, CR, LF): one record over five lines',
    // 1 header, 2 kept, 3-7 one kept record, 8 stale
    bytes: b(
      lf(order.H, order.kept(1)).toString(),
      'O2,"a\nb\r\nc\rd\ne",2025-06-01,shipped,2.50\n',
      order.stale(3),
      '\n',
    ),
    expected: counts(2, 8, { stale: 1 }),
  },
  {
    file: 'orders-quoted-header-multiline-name.csv',
    quirk:
      'a quoted header name holding a line break (`"Order\\nDate"` reads orderdate): the header spans lines 1-2',
    bytes: lf('OrderID,CustomerID,"Order', 'Date",Status,Amount', order.kept(1), order.stale(2)),
    expected: counts(1, 4, { stale: 1 }),
  },
  {
    file: 'orders-unterminated-quote-in-header.csv',
    quirk: 'the header opens a quote that never closes: no row can be read, the file is refused',
    bytes: lf('"OrderID,CustomerID,OrderDate,Status,Amount', order.kept(1), order.kept(2)),
    reader: refused(HEADER),
    expected: refused(HEADER),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-ragged-rows.csv',
    quirk: 'rows with one field too few and one too many',
    bytes: lf(order.H, order.kept(1), 'O2,C2,2025-06-01,shipped', `${order.kept(3)},extra`, order.stale(4)),
    expected: counts(1, 5, { stale: 1 }, { 'ragged-row': 2 }),
  },
  {
    file: 'orders-trailing-comma.csv',
    quirk: 'every line (header too) ends with a comma: a sixth, unnamed column',
    bytes: lf(`${order.H},`, `${order.kept(1)},`, `${order.stale(2)},`),
    expected: counts(1, 3, { stale: 1 }),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-extra-column.csv',
    quirk: 'an extra Notes column after the five of the processed table',
    bytes: lf(`${order.H},Notes`, `${order.kept(1)},fragile`, `${order.stale(2)},`),
    expected: counts(1, 3, { stale: 1 }),
    handler: order.NOT_TABLE_LAYOUT,
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
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-blank-header-names.csv',
    quirk: 'two empty header names (CustomerID and Amount unnamed)',
    ...renamedColumns('OrderID,,OrderDate,Status,'),
  },
  {
    file: 'orders-duplicate-status-columns.csv',
    quirk: 'two status columns (Status and status): refused naming both, never a silent pick',
    bytes: lf(`${order.H},status`, `${order.kept(1)},pending`, `${order.stale(2)},shipped`),
    reader: counts(2, 3),
    expected: refused(HEADER),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-duplicate-date-columns-normalised.csv',
    quirk: '`Order Date` and `order_date` normalise to one name: refused',
    bytes: lf('OrderID,CustomerID,Order Date,Status,Amount,order_date', `${order.kept(1)},2025-01-15`),
    reader: counts(1, 2),
    expected: refused(HEADER),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-missing-status-column.csv',
    quirk: 'no status column at all',
    ...withoutColumn('OrderID,CustomerID,OrderDate,Amount', 'O1,C1,2025-06-01,1.50'),
  },
  {
    file: 'orders-missing-date-column.csv',
    quirk: 'no order-date column at all',
    ...withoutColumn('OrderID,CustomerID,Status,Amount', 'O1,C1,shipped,1.50'),
  },
  {
    file: 'orders-status-date-aliases.csv',
    quirk: 'the alias names OrderStatus and Date',
    ...renamedColumns('OrderID,CustomerID,Date,OrderStatus,Amount'),
  },
  {
    file: 'orders-spaced-lowercase-header.csv',
    quirk: 'lower-case, spaced, padded header names (` order id ,customer-id,order_date, status ,AMOUNT`)',
    bytes: lf(' order id ,customer-id,order_date, status ,AMOUNT', order.kept(1), order.stale(2)),
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
    expected: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-tab-delimited.csv',
    quirk:
      'tab-delimited: read with `delimiter: "\\t"`; the command and handler (commas only) find no status',
    options: { delimiter: '\t' },
    bytes: b(
      joined(
        '\n',
        [order.H, order.kept(1), order.stale(2)].map((line) => line.replaceAll(',', '\t')),
      ),
    ),
    expected: counts(1, 3, { stale: 1 }),
    command: refused(order.NO_COLUMN),
    handler: order.NOT_TABLE_LAYOUT,
  },
  {
    file: 'orders-padded-values.csv',
    quirk: 'spaces around dates and statuses (trimmed before the rule decides)',
    bytes: lf(
      order.H,
      'O1,C1, 2025-06-01 , Pending ,1.50',
      'O2,C2, 2025-01-15 , PENDING ,2.50',
      'O3,C3,2025-01-15,  cancelled,3.50',
    ),
    expected: counts(1, 4, { stale: 2 }),
  },
  {
    file: 'orders-status-with-tabs.csv',
    quirk: 'tabs around a status (trim removes them, as it does spaces)',
    bytes: lf(order.H, 'O1,C1,2025-01-15,\tpending\t,1.50', 'O2,C2,2025-01-15,\t,2.50'),
    expected: counts(0, 3, { stale: 1 }, { 'missing-status': 1 }),
  },
  {
    file: 'orders-status-case.csv',
    quirk: 'statuses in every case: PENDING, Cancelled, CANCELED are stale; Shipped is kept',
    bytes: lf(order.H, ...order.numbered(['PENDING', 'Cancelled', 'CANCELED', 'Shipped'], order.stale)),
    expected: counts(1, 5, { stale: 3 }),
  },
  {
    file: 'orders-exactly-30-days.csv',
    quirk: 'the age boundary: 30 days old is kept, 31 is stale, a future date is kept',
    bytes: lf(order.H, ...order.numbered(['2025-05-31', '2025-05-30', '2025-07-01'], order.pendingOn)),
    expected: counts(2, 4, { stale: 1 }),
  },
];
