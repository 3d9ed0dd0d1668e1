import { CsvHeaderError } from '@sluice/core/codecs';
import { describe, expect, it } from 'vitest';
import { CsvColumnNotFoundError } from './errors.js';
import { headerColumns } from './header-columns.js';

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

  it('refuses two columns that read as one needed name, naming both and the file', () => {
    expect(() => headerColumns(['machine_id', 'Purchase_Amount', 'Machine ID'], spec, 'a.csv')).toThrow(
      CsvHeaderError,
    );
    expect(() => headerColumns(['machine_id', 'Purchase_Amount', 'Machine ID'], spec, 'a.csv')).toThrow(
      /a\.csv.*"machine_id" \(column 1\).*"Machine ID" \(column 3\)/,
    );
  });
});
