// README "scoreCustomerValue": a Kaggle export with its quirks (a Windows-1252 byte, padded and
// thousands-separated amounts, one "N/A").
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryObjectStore, type Rejection } from '@sluice/core';
import type { ScoredCustomer } from '@sluice/transforms/customers';

const store = new MemoryObjectStore();
const key = 'raw/customers.csv';
await store.put(
  key,
  await readFile(join(import.meta.dirname, '../src/customers/fixtures/customers-kaggle-quirks.csv')),
);
const quarantine: Rejection[] = [];
const scored: ScoredCustomer[] = [];

// #region readme
import { scoreCustomersCsv } from '@sluice/transforms/customers';

const run = await scoreCustomersCsv(await store.get(key), {
  file: key,
  onRejected: (rejection) => quarantine.push(rejection), // 'raw/customers.csv:4: Purchase_Amount: " N/A  " is not a number'
});
for await (const customer of run.customers) scored.push(customer); // { ..., customer_value_score: 0.4335, customer_segment: 'MEDIUM_VALUE' }
const report = run.report(); // { read: 4, kept: 3, dropped: {}, rejected: { 'invalid-customer': 1 }, lines: 5, ... }
// #endregion

export const ran = { quarantine, scored, report };
