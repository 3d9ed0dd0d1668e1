import { describe, expect, it } from 'vitest';
import { IdentifierError } from './errors.js';
import { assertIdentifier, quoteIdentifier, quoteQualifiedName } from './identifiers.js';

describe('identifiers', () => {
  it('quotes Athena-safe names, including reserved words', () => {
    expect(quoteIdentifier('orders_2025')).toBe('"orders_2025"');
    expect(quoteIdentifier('date')).toBe('"date"');
    expect(quoteQualifiedName('sales.orders')).toBe('"sales"."orders"');
  });

  it.each([
    ['', /empty/],
    ['Orders', /lower-case/],
    ['order-date', /lower-case/],
    ['1orders', /digit/],
    ['orders"; DROP TABLE x; --', /lower-case/],
    ['commandes_é', /lower-case/],
    ['a'.repeat(256), /255/],
  ])('rejects %j', (name, problem) => {
    expect(() => assertIdentifier(name)).toThrow(IdentifierError);
    expect(() => quoteIdentifier(name)).toThrow(problem);
  });

  it('rejects a bad part of a dotted name', () => {
    expect(() => quoteQualifiedName('sales.Orders')).toThrow(IdentifierError);
  });
});
