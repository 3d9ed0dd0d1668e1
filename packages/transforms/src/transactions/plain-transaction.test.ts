import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainTransaction } from './plain-transaction.js';
import { TransactionMessageSchema } from './schema.js';

const field = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', ' 7 ', 'Kettle', '\t\n'),
  fc.integer(),
  fc.constantFrom(0, -0, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -1e-9, 1e21),
  fc.double(),
  fc.constantFrom(null, true, undefined, [], {}, [1]),
);
const body = fc.oneof(
  fc.record(
    { transaction_id: field, product_name: field, quantity: field, unit_price: field, extra: field },
    { requiredKeys: [] },
  ),
  fc.record({
    transaction_id: fc.oneof(fc.string(), fc.integer()),
    product_name: fc.string(),
    quantity: fc.integer(),
    unit_price: fc.double({ min: 0, noNaN: true }),
  }),
  field,
);

describe('plainTransaction', () => {
  it('reads a body exactly as the schema does whenever it reads it', () => {
    let read = 0;
    fc.assert(
      fc.property(body, (value) => {
        const plain = plainTransaction(value);
        const parsed = TransactionMessageSchema.safeParse(value);
        if (plain === undefined) return;
        read++;
        expect(parsed.success && parsed.data).toEqual(plain);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('leaves the schema to name what is wrong', () => {
    for (const value of [
      { transaction_id: ' ', product_name: 'Kettle', quantity: 1, unit_price: 1 },
      { transaction_id: 1.5, product_name: 'Kettle', quantity: 1, unit_price: 1 },
      { transaction_id: '1', product_name: 'Kettle', quantity: 1, unit_price: -1 },
      { transaction_id: '1', product_name: 'Kettle', quantity: 2 ** 53, unit_price: 1 },
      [{ transaction_id: '1' }],
      Object.create({ transaction_id: '1', product_name: 'Kettle', quantity: 1, unit_price: 1 }),
    ]) {
      expect(plainTransaction(value)).toBeUndefined();
    }
  });
});
