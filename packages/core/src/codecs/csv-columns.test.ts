import { describe, expect, it } from 'vitest';
import { findColumn, headerColumns, normaliseColumnName } from './csv-columns.js';
import { CsvColumnNotFoundError, CsvHeaderError } from './errors.js';

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

const spec = { required: ['machine_id', 'Purchase_Amount'], optional: ['humidity', 'Location'] };

describe('headerColumns', () => {
  it('finds columns by normalised name and keys rows by the canonical names, leaving absent optional ones out', () => {
    const columns = headerColumns(['Humidity', ' purchase amount ', 'extra', 'Machine-ID'], spec, 'a.csv');
    expect(columns.row(['79.9', '$3', 'x', '15'])).toEqual({
      machine_id: '15',
      Purchase_Amount: '$3',
      humidity: '79.9',
    });
    expect(columns.headerName('Purchase_Amount')).toBe(' purchase amount ');
    expect(columns.headerName('Location')).toBeUndefined();
  });

  it('names every missing required column and the file', () => {
    const error = (() => {
      try {
        headerColumns(['Location', 'other'], spec, 'a.csv');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(CsvColumnNotFoundError);
    expect(error).toMatchObject({ file: 'a.csv', missing: ['machine_id', 'Purchase_Amount'] });
    expect(String(error)).toMatch(/a\.csv:1: no machine_id, Purchase_Amount column.*found Location, other/);
    expect(() => headerColumns([], spec, 'empty.csv')).toThrow(/no header row/);
  });

  it('looks a column up under its candidate names when the spec gives them', () => {
    const orders = {
      required: ['status'],
      optional: ['orderDate'],
      candidates: { orderDate: ['orderdate', 'date'] },
    };
    const columns = headerColumns(['Date', 'Status'], orders, 'o.csv');
    expect([columns.at('status'), columns.at('orderDate'), columns.at('other')]).toEqual([1, 0, -1]);
  });

  it('refuses two columns that read as one needed name, naming both and the file', () => {
    expect(() => headerColumns(['machine_id', 'Purchase_Amount', 'Machine ID'], spec, 'a.csv')).toThrow(
      CsvHeaderError,
    );
    expect(() => headerColumns(['machine_id', 'Purchase_Amount', 'Machine ID'], spec, 'a.csv')).toThrow(
      /a\.csv.*"machine_id" \(column 1\).*"Machine ID" \(column 3\)/,
    );
  });
});
