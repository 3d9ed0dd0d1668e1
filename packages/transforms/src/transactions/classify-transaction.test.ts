import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyTransaction } from './classify-transaction.js';
import { TransactionOptionsError } from './errors.js';
import { TransactionItemSchema, TransactionNotificationSchema } from './schema.js';

const order = { transaction_id: 7, product_name: 'Kettle', quantity: 3, unit_price: 0.1 };
const kept = (body: unknown, options = {}) => {
  const outcome = classifyTransaction(body, options);
  if (outcome.kind !== 'kept') throw new Error(`expected kept, got ${outcome.message}`);
  return outcome.value;
};

describe('classifyTransaction status', () => {
  it.each([
    [-1, 'incomplete', []],
    [0, 'incomplete', []],
    [1, 'confirmed', ['inventory']],
    [100, 'confirmed', ['inventory']],
    [101, 'pending', ['large-order']],
  ])('quantity %i → %s with %j', (quantity, status, kinds) => {
    const { item, notifications } = kept({ ...order, quantity });
    expect(item.Status).toBe(status);
    expect(notifications.map((n) => n.kind)).toEqual(kinds);
  });

  it('takes the large-order threshold as an option', () => {
    expect(kept({ ...order, quantity: 11 }, { largeOrderThreshold: 10 }).item.Status).toBe('pending');
    expect(kept({ ...order, quantity: 10 }, { largeOrderThreshold: 10 }).item.Status).toBe('confirmed');
  });

  it('refuses a threshold that cannot work', () => {
    expect(() => classifyTransaction(order, { largeOrderThreshold: -1 })).toThrow(TransactionOptionsError);
  });
});

describe('classifyTransaction item', () => {
  it('builds the DynamoDB item keyed by a string TransactionID with the total in cents', () => {
    const { item } = kept(order);
    expect(item).toMatchObject({
      TransactionID: '7',
      ProductName: 'Kettle',
      Quantity: 3,
      UnitPrice: 0.1,
      TotalCents: 30,
      Status: 'confirmed',
    });
    expect(TransactionItemSchema.safeParse(item).success).toBe(true);
  });

  it('reads a JSON string body as SQS delivers it', () => {
    expect(kept(JSON.stringify(order)).item.TransactionID).toBe('7');
  });

  it('stores number and string ids of the same content identically', () => {
    const lines = readFileSync(
      new URL('./fixtures/transactions-id-number-or-string.jsonl', import.meta.url),
      'utf8',
    ).split('\n');
    const [a, b, large, returned] = lines.filter(Boolean).map((line) => kept(line).item);
    expect(a).toEqual(b);
    expect([large?.TransactionID, large?.Status, large?.TotalCents]).toEqual(['TX-9f2c', 'pending', 31250]);
    expect([returned?.Status, returned?.TotalCents]).toEqual(['incomplete', 0]);
  });

  it('puts the total and the product into the notification text', () => {
    const [note] = kept({ ...order, quantity: 150, unit_price: 2.5 }).notifications;
    expect(note?.subject).toBe('Large order 7: 150 x Kettle');
    expect(note?.message).toContain('375.00');
    expect(TransactionNotificationSchema.safeParse(note).success).toBe(true);
  });

  it('gives a notification the same id on every delivery, and each transaction and kind its own', () => {
    const id = (body: object) => kept(body).notifications[0]?.id;
    const first = id(order);
    expect(first).toMatch(/^inventory-[0-9a-f]{64}$/);
    expect(id({ ...order, transaction_id: String(order.transaction_id) })).toBe(first);
    expect(id({ ...order, transaction_id: 'other' })).not.toBe(first);
    expect(id({ ...order, quantity: 150 })).toMatch(/^large-order-/);
    expect(id({ ...order, transaction_id: 'T'.repeat(3000) })?.length).toBeLessThanOrEqual(128);
  });

  it('keeps subjects under 100 characters without control characters', () => {
    const [note] = kept({ ...order, product_name: `Kettle\nx${'é🫖'.repeat(80)}` }).notifications;
    expect(note?.subject.length).toBeLessThan(100);
    expect(note?.subject).not.toMatch(/\n/);
    expect(note?.subject.endsWith('...')).toBe(true);
    // A cut through a surrogate pair would not survive a UTF-8 round trip.
    expect(Buffer.from(note?.subject ?? '').toString()).toBe(note?.subject);
  });
});

describe('classifyTransaction rejections', () => {
  it.each([
    ['invalid-json', 'body', '{"transaction_id": 7,'],
    ['schema', '(record)', 'null'],
    ['schema', 'transaction_id', { ...order, transaction_id: 2 ** 60 }],
    ['schema', 'transaction_id', { ...order, transaction_id: '  ' }],
    ['schema', 'transaction_id', { ...order, transaction_id: undefined }],
    ['schema', 'product_name', { ...order, product_name: 12 }],
    ['schema', 'quantity', { ...order, quantity: 1.5 }],
    ['schema', 'quantity', { ...order, quantity: '3' }],
    ['schema', 'unit_price', { ...order, unit_price: -0.01 }],
    ['schema', 'unit_price', { ...order, unit_price: 'NaN' }],
    ['amount-overflow', 'unit_price', { ...order, unit_price: 1e300 }],
  ])('rejects (%s) naming %s', (reason, field, body) => {
    const outcome = classifyTransaction(body);
    expect(outcome).toMatchObject({ kind: 'rejected', reason });
    expect(outcome.kind === 'rejected' && outcome.message).toContain(field);
  });
});
