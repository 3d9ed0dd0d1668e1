import type { Transaction } from './schema.js';

/**
 * The transaction of a body the schema would plainly accept, read without the schema; undefined
 * when the body is anything else, so `TransactionMessageSchema` decides it and names the problem.
 * An internal strategy of `classifyTransaction`: for every body it reads it gives what the schema
 * gives (a differential test holds the two equal).
 *
 * @example plainTransaction({ transaction_id: 7, product_name: ' Kettle ', quantity: 3, unit_price: 2 }) // { transaction_id: '7', product_name: 'Kettle', … }
 */
export function plainTransaction(value: unknown): Transaction | undefined {
  if (!isPlainObject(value)) return undefined;
  const id = plainId(value.transaction_id);
  const name = nonEmpty(value.product_name);
  const { quantity, unit_price: price } = value;
  if (id === undefined || name === undefined || !Number.isSafeInteger(quantity)) return undefined;
  if (typeof price !== 'number' || !Number.isFinite(price) || !(price >= 0)) return undefined;
  return { transaction_id: id, product_name: name, quantity: quantity as number, unit_price: price };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

function plainId(value: unknown): string | undefined {
  if (typeof value === 'string') return nonEmpty(value);
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}
