import { readFileSync } from 'node:fs';
import { isBalanced, MemoryObjectStore, readText } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderColumnNotFoundError, RunNotFinishedError } from './errors.js';
import type { FilterStaleOrdersOptions } from './filter-stale-orders.js';
import { filterStaleOrders } from './filter-stale-orders.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const asOf = '2025-03-31';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function drain(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function filterBytes(bytes: Uint8Array, options: FilterStaleOrdersOptions = {}, chunkSize = 64 * 1024) {
  const run = await filterStaleOrders(chunksOf(bytes, chunkSize), {
    asOf,
    file: 'raw/orders.csv',
    ...options,
  });
  const output = await drain(run.csv);
  return { output, report: run.report(), rejections: run.rejections };
}

const keepLines = (text: string, terminator: string, keep: number[]) =>
  text
    .split(terminator)
    .filter((_, index) => keep.includes(index))
    .map((line) => line + terminator)
    .join('');

describe('filterStaleOrders', () => {
  it('keeps rows byte for byte from a CRLF file with a BOM, whatever the chunking', async () => {
    const input = fixture('orders-crlf-bom.csv');
    const expected = keepLines(input.toString('utf8'), '\r\n', [0, 1, 3, 5]);
    for (const chunkSize of [1, 7, 64 * 1024]) {
      const { output, report } = await filterBytes(input, {}, chunkSize);
      expect(output.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      expect(report).toMatchObject({ read: 5, kept: 3, dropped: { stale: 2 }, rejected: {} });
    }
  });

  it('keeps rows byte for byte from an LF file and rejects junk rows with file, line and column', async () => {
    const input = fixture('orders-lf-junk-rows.csv');
    const { output, report, rejections } = await filterBytes(input);
    expect(output.toString('utf8')).toBe(keepLines(input.toString('utf8'), '\n', [0, 1, 6, 9]));
    expect(report).toMatchObject({
      read: 9,
      kept: 3,
      dropped: { stale: 1, 'blank-line': 1 },
      lines: 10,
      rejected: { 'invalid-date': 2, 'missing-status': 1, 'ragged-row': 1 },
    });
    expect(isBalanced(report)).toBe(true);
    expect(rejections.map((r) => [r.reason, r.position])).toEqual([
      ['invalid-date', { kind: 'file', file: 'raw/orders.csv', line: 3, column: 'OrderDate' }],
      ['missing-status', { kind: 'file', file: 'raw/orders.csv', line: 4, column: 'Status' }],
      ['ragged-row', expect.objectContaining({ kind: 'file', file: 'raw/orders.csv', line: 5 })],
      ['invalid-date', { kind: 'file', file: 'raw/orders.csv', line: 6, column: 'OrderDate' }],
    ]);
    expect(rejections[0]).toMatchObject({
      message:
        'raw/orders.csv:3: column OrderDate: order date "2025-02-30" is not a date ' +
        '(YYYY-MM-DD | YYYY-MM-DD HH:MM:SS | ISO-8601 | MM/DD/YYYY | YYYY/MM/DD | DD-MM-YYYY)',
      raw: 'O0002,Carol,10.00,pending,2025-02-30',
    });
  });

  it('streams into an object store and hands rejections to a callback', async () => {
    const store = new MemoryObjectStore();
    const seen: string[] = [];
    const run = await filterStaleOrders(chunksOf(fixture('orders-lf-junk-rows.csv'), 16), {
      asOf,
      onRejected: (rejection) => seen.push(rejection.reason),
    });
    expect(() => run.report()).toThrow(RunNotFinishedError);
    await store.put('processed/orders.csv', run.csv);
    expect(await readText(store, 'processed/orders.csv')).toContain('O0006,"Gus ""the"" Great"');
    expect(seen).toEqual(['invalid-date', 'missing-status', 'ragged-row', 'invalid-date']);
    expect(run.rejections).toEqual([]);
    expect(run.report().read).toBe(9);
  });

  it('finds renamed columns through the mapping and refuses a file without them', async () => {
    const csv = Buffer.from('id,State,Placed On\n1,pending,2025-01-01\n2,pending,2025-03-30\n');
    const { output } = await filterBytes(csv, { columns: { status: 'state', orderDate: 'placed_on' } });
    expect(output.toString()).toBe('id,State,Placed On\n2,pending,2025-03-30\n');
    await expect(filterBytes(csv)).rejects.toThrow(OrderColumnNotFoundError);
    await expect(filterBytes(csv)).rejects.toThrow(/raw\/orders.csv:1: no status column/);
  });

  it('reads the same asOf instant as a different day in another time zone', async () => {
    const csv = Buffer.from('status,order_date\npending,2025-03-01\n');
    const instant = new Date('2025-03-31T23:30:00Z');
    expect((await filterBytes(csv, { asOf: instant })).report.kept).toBe(1);
    expect((await filterBytes(csv, { asOf: instant, timeZone: 'Asia/Tokyo' })).report.dropped).toEqual({
      stale: 1,
    });
  });

  it('accounts for every generated row: read = kept + dropped + rejected, kept rows unchanged', async () => {
    const cell = fc.constantFrom('pending', 'Cancelled', ' canceled ', 'shipped', '', 'confirmed', '"a,b"');
    const date = fc.constantFrom(
      '2025-01-01',
      '2025-03-01',
      '2025-02-30',
      '03/31/2025',
      'junk',
      '',
      '2025-03-31T10:00:00Z',
    );
    const row = fc.oneof(
      fc.tuple(cell, date).map(([status, day]) => `x,${status},${day}`),
      fc.constantFrom('only-one-field', 'a,b,c,d', 'x,"unterminated', 'x,pending'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const text = `id,status,orderdate${eol}${rows.map((r) => r + eol).join('')}`;
        const { output, report } = await filterBytes(Buffer.from(text), {}, 13);
        const outLines = output.toString().split(eol).slice(1, -1);
        expect(report.read).toBe(report.kept + sumOf(report.dropped) + sumOf(report.rejected));
        expect(outLines.length).toBe(report.kept);
        for (const line of outLines) expect(rows).toContain(line);
      }),
      { numRuns: 60 },
    );
  });
});

const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
