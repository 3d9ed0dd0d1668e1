// Customers (DESIGN §4.4): every readable row with the five numbers is scored (kept), any other is
// rejected `invalid-customer`; nothing is dropped but blank lines.
import { BOM, b, type CorpusCase, counts, HEADER, joined, lf, refused, utf16le } from './case-parts.js';

const CH = 'Customer_ID,Location, Purchase_Amount ,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction';
const customer = (id: string, amount = ' $333.80  ', location = 'Paris') =>
  `${id},${location},${amount},4,5,7`;

export const customerCases: Omit<CorpusCase, 'domain'>[] = [
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
