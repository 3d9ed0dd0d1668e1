import { readFileSync } from 'node:fs';
import { openCsv, RunTally } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { scoreCustomerRows } from './customer-rows.js';

// The real Kaggle export's quirks: a padded " Purchase_Amount " header, `$` amounts with padding
// and thousands separators, CRLF, and Windows-1252 bytes (\xC9vry) beside UTF-8 (\xC3\x89vry).
const kaggle = readFileSync(new URL('./fixtures/customers-kaggle-quirks.csv', import.meta.url));

async function* once(bytes: Uint8Array) {
  yield bytes;
}

describe('scoreCustomerRows', () => {
  it('scores a file shaped like the real export, decoding both encodings of Évry', async () => {
    const file = 'raw/ecommerce/customers.csv';
    const tally = new RunTally({ now: () => 0 });
    const csv = await openCsv(once(kaggle), { file, encoding: 'auto' });
    const rows = [];
    for await (const row of scoreCustomerRows(csv, { file, tally })) rows.push(row);

    const kept = rows.flatMap((row) => (row.ok ? [row.value] : []));
    expect(
      kept.map((c) => [c.Location, c.Purchase_Amount, c.customer_value_score, c.customer_segment]),
    ).toEqual([
      ['Évry', 333.8, 0.4335, 'MEDIUM_VALUE'],
      ['Évry', 1234.5, 1, 'HIGH_VALUE'],
      ['Wiwilów', 101.31, 0.2805, 'STANDARD'],
    ]);
    expect(kept[1]).toMatchObject({ Purchase_Category: 'Electronics', Purchase_Channel: 'Online' });
    expect(rows[2]).toEqual({
      ok: false,
      rejection: expect.objectContaining({
        reason: 'invalid-customer',
        message: `${file}:4: Purchase_Amount: " N/A  " is not a number`,
        position: { kind: 'file', file, line: 4 },
      }),
    });
    expect(tally.report()).toMatchObject({ read: 4, kept: 3, rejected: { 'invalid-customer': 1 } });
  });

  it('passes reader rejections through and counts them', async () => {
    const text =
      'Customer_ID, Purchase_Amount ,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction\nA,$1,2,3,4\nB,$1,2\n';
    const tally = new RunTally();
    const rows = [];
    for await (const row of scoreCustomerRows(await openCsv(once(Buffer.from(text))), { tally }))
      rows.push(row);
    expect(rows[1]).toEqual({ ok: false, rejection: expect.objectContaining({ reason: 'ragged-row' }) });
    expect(tally.report()).toMatchObject({ read: 2, kept: 1, rejected: { 'ragged-row': 1 } });
  });
});
