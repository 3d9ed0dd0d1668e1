import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTransaction } from './classify-transaction.js';
import { transactionFingerprint } from './fingerprint.js';
import { TransactionMessageSchema } from './schema.js';

const tx = { transaction_id: '7', product_name: 'Kettle', quantity: 3, unit_price: 0.1 };

describe('transactionFingerprint', () => {
  it.each([
    ['product_name', { ...tx, product_name: 'Toaster' }],
    ['quantity', { ...tx, quantity: 4 }],
    ['unit_price', { ...tx, unit_price: 0.11 }],
  ])('tells a conflict on %s apart', (_, other) => {
    expect(transactionFingerprint(tx)).not.toBe(transactionFingerprint(other));
  });

  it('is the stored item’s Fingerprint, whatever the id was written as', () => {
    const outcome = classifyTransaction({ ...tx, transaction_id: 7 });
    if (outcome.kind !== 'kept') throw new Error(outcome.message);
    expect(outcome.value.item.Fingerprint).toBe(transactionFingerprint({ ...tx }));
  });

  it('does not depend on key order or on how the id and price were written', () => {
    const parse = (text: string) => TransactionMessageSchema.parse(JSON.parse(text));
    const a = parse('{"transaction_id": 7, "product_name": "Kettle", "quantity": 3, "unit_price": 0.10}');
    const b = parse('{"unit_price": 0.1, "quantity": 3, "product_name": " Kettle", "transaction_id": "7"}');
    expect(transactionFingerprint(a)).toBe(transactionFingerprint(b));
  });

  it('gives equal fingerprints exactly for equal content', () => {
    const content = fc.record({
      transaction_id: fc.constantFrom('1', '2'),
      product_name: fc.constantFrom('a', 'b'),
      quantity: fc.integer({ min: 0, max: 2 }),
      unit_price: fc.constantFrom(0, 0.1, 1),
    });
    fc.assert(
      fc.property(content, content, (a, b) => {
        const equal = JSON.stringify(a) === JSON.stringify(b);
        expect(transactionFingerprint(a) === transactionFingerprint(b)).toBe(equal);
      }),
    );
  });
});
