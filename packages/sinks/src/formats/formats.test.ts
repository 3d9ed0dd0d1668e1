import { join } from 'node:path';
import { readText } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { writeCsv } from './csv-format.js';
import { writeJsonLines } from './json-lines-format.js';

const local = temporaryStore('sluice-formats-');

const orders = [
  { orderid: 1, status: 'pending', note: 'says "hi", twice', placed: new Date('2025-01-31T08:00:00Z') },
  { orderid: 2, status: null, note: 'line one\nline two', placed: undefined },
  { orderid: 3, status: 'shipped', note: '' },
];

describe('CSV writer', () => {
  it('writes a header and quotes only fields that need it', async () => {
    const file = await writeCsv(local.store, 'csv/orders.csv', orders);
    expect(file).toMatchObject({ rows: 3, rejected: [] });
    expect(await readText(local.store, 'csv/orders.csv')).toBe(
      'orderid,status,note,placed\n' +
        '1,pending,"says ""hi"", twice",2025-01-31T08:00:00.000Z\n' +
        '2,,"line one\nline two",\n' +
        '3,shipped,,\n',
    );
  });

  it('is read back by DuckDB with the same values', async () => {
    const rowsOut = orders.map(({ orderid, status, note }) => ({ orderid, status, note }));
    await writeCsv(local.store, 'csv/read-back.csv', rowsOut, { columns: ['orderid', 'status', 'note'] });
    const rows = await queryDuckDb(
      `select orderid, status, note from read_csv('${join(local.root, 'csv/read-back.csv')}', header = true) order by orderid`,
    );
    expect(rows).toEqual([
      { orderid: '1', status: 'pending', note: 'says "hi", twice' },
      { orderid: '2', status: null, note: 'line one\nline two' },
      { orderid: '3', status: 'shipped', note: null },
    ]);
  });

  it('rejects a row with a column outside the header instead of losing the field', async () => {
    const rows = [{ id: 1 }, { id: 2, surprise: 'x' }, { id: 3 }];
    const file = await writeCsv(local.store, 'csv/extra.csv', rows, {
      position: (_, index) => ({ kind: 'message', messageId: `m-${index}` }),
    });
    expect(file.rows).toBe(2);
    expect(file.rejected).toEqual([
      expect.objectContaining({
        reason: 'csv-unexpected-column',
        position: { kind: 'message', messageId: 'm-1' },
        raw: '{"id":2,"surprise":"x"}',
      }),
    ]);
    expect(file.rejected[0]?.message).toContain('csv csv/extra.csv, record 1: column(s) surprise');
    expect(await readText(local.store, 'csv/extra.csv')).toBe('id\n1\n3\n');
  });
});

describe('JSON Lines writer', () => {
  it('writes one object per line, read back by DuckDB', async () => {
    const file = await writeJsonLines(local.store, 'jsonl/orders.jsonl', orders);
    expect(file.rows).toBe(3);
    const rows = await queryDuckDb(
      `select orderid, status from read_json('${join(local.root, 'jsonl/orders.jsonl')}', format = 'newline_delimited') order by orderid`,
    );
    expect(rows).toEqual([
      { orderid: '1', status: 'pending' },
      { orderid: '2', status: null },
      { orderid: '3', status: 'shipped' },
    ]);
  });

  it('rejects a record with no JSON form and keeps the others', async () => {
    const rows = [{ id: 1 }, { id: 12345678901234567890n }, { id: 3 }];
    const file = await writeJsonLines(local.store, 'jsonl/bigint.jsonl', rows);
    expect(file.rows).toBe(2);
    expect(file.rejected.map((r) => [r.reason, r.raw])).toEqual([
      ['not-json', '{"id":"12345678901234567890"}'],
    ]);
    expect(await readText(local.store, 'jsonl/bigint.jsonl')).toBe('{"id":1}\n{"id":3}\n');
  });

  it('leaves no object behind when the input fails midway', async () => {
    const rows = (function* () {
      yield { id: 1 };
      throw new Error('source went away');
    })();
    await expect(writeJsonLines(local.store, 'jsonl/failed.jsonl', rows)).rejects.toThrow('source went away');
    expect(await local.store.head('jsonl/failed.jsonl')).toBeUndefined();
  });
});
