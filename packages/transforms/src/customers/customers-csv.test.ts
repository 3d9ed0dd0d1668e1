import { readFileSync } from 'node:fs';
import type { Rejection } from '@sluice/core';
import { CsvHeaderError } from '@sluice/core/codecs';
import { describe, expect, it } from 'vitest';
import { CsvColumnNotFoundError } from '../csv-columns/index.js';
import { type CustomersCsvOptions, scoreCustomersCsv } from './customers-csv.js';

// The real Kaggle export's quirks: a padded " Purchase_Amount " header, `$` amounts with padding
// and thousands separators, CRLF, and Windows-1252 bytes (\xC9vry) beside UTF-8 (\xC3\x89vry).
const kaggle = readFileSync(new URL('./fixtures/customers-kaggle-quirks.csv', import.meta.url));

const HEADER =
  'Customer_ID,Location,Purchase_Amount,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction';
const ROWS = ['A,Lyon,$333.80,4,5,7', 'B,Nice,"$1,234.50",10,5,9', 'C,Caen,N/A,3,2,2', 'D,Metz,$10,1,1,1'];

async function score(input: string | Uint8Array | Uint8Array[], options: Partial<CustomersCsvOptions> = {}) {
  const rejections: Rejection[] = [];
  const chunks = Array.isArray(input) ? input : [input];
  const run = await scoreCustomersCsv(chunks, {
    file: 'customers.csv',
    now: () => 0,
    onRejected: (r) => rejections.push(r),
    ...options,
  });
  const customers = [];
  for await (const customer of run.customers) customers.push(customer);
  return { customers, rejections, report: run.report() };
}

const scores = (run: Awaited<ReturnType<typeof score>>) =>
  run.customers.map((c) => [c.Customer_ID, c.Location, c.customer_value_score, c.customer_segment]);

describe('scoreCustomersCsv', () => {
  it('scores a file shaped like the real export, decoding both encodings of Évry', async () => {
    const run = await score(kaggle, { file: 'raw/ecommerce/customers.csv' });
    expect(
      run.customers.map((c) => [c.Location, c.Purchase_Amount, c.customer_value_score, c.customer_segment]),
    ).toEqual([
      ['Évry', 333.8, 0.4335, 'MEDIUM_VALUE'],
      ['Évry', 1234.5, 1, 'HIGH_VALUE'],
      ['Wiwilów', 101.31, 0.2805, 'STANDARD'],
    ]);
    expect(run.customers[1]).toMatchObject({ Purchase_Category: 'Electronics', Purchase_Channel: 'Online' });
    expect(run.rejections).toEqual([
      expect.objectContaining({
        reason: 'invalid-customer',
        message: 'raw/ecommerce/customers.csv:4: Purchase_Amount: " N/A  " is not a number',
        position: { kind: 'file', file: 'raw/ecommerce/customers.csv', line: 4, column: 'Purchase_Amount' },
      }),
    ]);
    expect(run.report).toMatchObject({ read: 4, kept: 3, rejected: { 'invalid-customer': 1 }, lines: 5 });
  });

  it.each([
    ['lower-case', HEADER.toLowerCase()],
    [
      'spaced',
      ' Customer ID , Location , Purchase Amount , Frequency of Purchase ,Brand Loyalty,Customer Satisfaction',
    ],
    [
      'hyphenated',
      'customer-id,location,purchase-amount,frequency-of-purchase,brand-loyalty,CUSTOMER-SATISFACTION',
    ],
  ])('scores %s headers exactly like the canonical ones', async (_, header) => {
    const canonical = await score(`${HEADER}\n${ROWS.join('\n')}\n`);
    const other = await score(`${header}\n${ROWS.join('\n')}\n`);
    expect(scores(other)).toEqual(scores(canonical));
    expect(other.report).toEqual(canonical.report);
    expect(other.rejections.map((r) => r.message)).toEqual(canonical.rejections.map((r) => r.message));
    expect(other.rejections[0]?.position?.kind === 'file' && other.rejections[0].position.column).toBe(
      header.split(',')[2]?.trim(),
    );
  });

  it('refuses two columns that read as one name, naming both and the file', async () => {
    const header =
      'Customer_ID,Purchase_Amount,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction,purchase amount';
    const refused = score(`${header}\nA,$10,1,1,1,$9000\n`);
    await expect(refused).rejects.toThrow(CsvHeaderError);
    await expect(refused).rejects.toThrow(
      /customers\.csv.*"Purchase_Amount" \(column 2\).*"purchase amount" \(column 6\)/,
    );
  });

  it('refuses a file missing a required column, naming the file and the column, before reading a row', async () => {
    async function* headerThenFail() {
      yield Buffer.from('Customer_ID,Purchase_Amount,Brand_Loyalty,Customer_Satisfaction\n');
      throw new Error('a row was read');
    }
    const refused = scoreCustomersCsv(headerThenFail(), { file: 'customers.csv', onRejected: () => {} });
    await expect(refused).rejects.toThrow(CsvColumnNotFoundError);
    await expect(refused).rejects.toThrow(/^customers\.csv:1: no Frequency_of_Purchase column/);
  });

  it('loses only the line of a stray quote', async () => {
    const rows = [...ROWS.slice(0, 1), 'X,"Lyon,$5,1,1,1', ...ROWS.slice(1)];
    const run = await score(`${HEADER}\n${rows.join('\n')}\n`);
    expect(scores(run).map((s) => s[0])).toEqual(['A', 'B', 'D']);
    expect(run.rejections.map((r) => [r.reason, r.position?.kind === 'file' && r.position.line])).toEqual([
      [expect.stringMatching(/ragged-row|unterminated-quote/), 3],
      ['invalid-customer', 5],
    ]);
    expect(run.report).toMatchObject({ read: 5, kept: 3, lines: 6 });
  });

  it.each([
    ['CRLF', '\r\n', false],
    ['lone CR', '\r', false],
    ['BOM and LF', '\n', true],
  ])('reads %s line endings as LF', async (_, eol, bom) => {
    const lf = await score(`${HEADER}\n${ROWS.join('\n')}\n`);
    const other = await score(`${bom ? '\uFEFF' : ''}${HEADER}${eol}${ROWS.join(eol)}${eol}`);
    expect(scores(other)).toEqual(scores(lf));
    expect(other.report).toEqual(lf.report);
  });

  it('decodes a stray Windows-1252 byte in a location', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nA,`),
      Buffer.from([0xc9]),
      Buffer.from('vry,$10,1,1,1\n'),
    ]);
    expect((await score(bytes)).customers[0]?.Location).toBe('Évry');
  });

  it('accounts for every line: blank lines, a location over two lines, rejections, chunks of one byte', async () => {
    const text = `${HEADER}\n\nA,"Saint-\nÉtienne",$10,1,1,1\nB,Lyon,$10,1\nC,Caen,x,1,1,1\n\n`;
    const bytes = Buffer.from(text);
    const run = await score(Array.from(bytes, (byte) => Uint8Array.of(byte)));
    expect(run.customers.map((c) => c.Location)).toEqual(['Saint-\nÉtienne']);
    const { read, kept, dropped, rejected, lines } = run.report;
    expect({ read, kept, dropped, rejected, lines }).toEqual({
      read: 5,
      kept: 1,
      dropped: { 'blank-line': 2 },
      rejected: { 'ragged-row': 1, 'invalid-customer': 1 },
      lines: 7,
    });
    expect(text.split('\n').length - 1).toBe(lines);
  });

  it('refuses options that cannot work before reading', async () => {
    await expect(score(`${HEADER}\n`, { scales: { amount: 0 } })).rejects.toThrow(/scale of amount/);
  });
});
