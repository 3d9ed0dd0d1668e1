import { describe, expect, it } from 'vitest';
import { findColumn, normaliseColumnName } from './csv-columns.js';

describe('normaliseColumnName', () => {
  it('lower-cases and removes spaces, underscores and hyphens', () => {
    expect(normaliseColumnName(' Purchase_Amount ')).toBe('purchaseamount');
    expect(normaliseColumnName('Order-Date')).toBe('orderdate');
  });
});

describe('findColumn', () => {
  it('finds a header by any candidate spelling', () => {
    expect(findColumn(['OrderID', ' Order Date ', 'Status'], ['date', 'order_date'])).toBe(1);
    expect(findColumn(['order_status'], ['status', 'orderstatus'])).toBe(0);
  });

  it('prefers the earlier candidate whatever the header order', () => {
    expect(findColumn(['date', 'OrderDate'], ['orderdate', 'date'])).toBe(1);
  });

  it('refuses two columns that read as the same name, naming both and the file', () => {
    expect(() => findColumn(['id', 'Status', ' status '], ['status'], 'o.csv')).toThrow(
      'o.csv: columns "Status" (column 2) and " status " (column 3) both read as "status"; rename one',
    );
  });

  it('returns -1 when nothing matches', () => {
    expect(findColumn(['OrderID'], ['status'])).toBe(-1);
  });
});
