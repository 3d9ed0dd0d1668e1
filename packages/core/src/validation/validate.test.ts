import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validateRecord } from './validate.js';

const Transaction = z.object({
  transaction_id: z.union([z.string(), z.number()]),
  quantity: z.int(),
  unit_price: z.number().check(z.minimum(0)),
});

describe('validateRecord', () => {
  it('keeps a valid record with the schema output', async () => {
    const outcome = await validateRecord(Transaction, { transaction_id: 7, quantity: 2, unit_price: 1.5 });
    expect(outcome).toEqual({ kind: 'kept', value: { transaction_id: 7, quantity: 2, unit_price: 1.5 } });
  });

  it('names every failing field (zod/mini)', async () => {
    const outcome = await validateRecord(Transaction, { transaction_id: 7, quantity: 1.5, unit_price: -1 });
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(outcome.reason).toBe('schema');
    expect(outcome.message).toMatch(/^quantity: .*; unit_price: .*/);
  });

  it('works with valibot and nested paths', async () => {
    const schema = v.object({ order: v.object({ amount: v.number() }) });
    const outcome = await validateRecord(schema, { order: { amount: 'lots' } }, 'invalid-order');
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'invalid-order' });
    if (outcome.kind === 'rejected') expect(outcome.message).toMatch(/^order\.amount: /);
  });

  it('describes a failure of the whole record', async () => {
    const outcome = await validateRecord(Transaction, 'not an object');
    if (outcome.kind !== 'rejected') throw new Error('expected a rejection');
    expect(outcome.message).toMatch(/^\(record\): /);
  });
});
