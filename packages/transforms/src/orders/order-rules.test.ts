import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterStaleOrdersOptions } from './filter-stale-orders.js';
import { openStaleOrderRun } from './filter-stale-orders.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const options: FilterStaleOrdersOptions = { asOf: '2025-03-31', file: 'raw/orders.csv', now: () => 0 };

async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

/** Output bytes, report and rejections of one way of deciding, or the error it refused the input with. */
async function outcome(fromBytes: boolean, bytes: Uint8Array, sizes: readonly number[], extra = {}) {
  try {
    const run = await openStaleOrderRun(chunksOf(bytes, sizes), { ...options, ...extra }, fromBytes);
    const parts: Uint8Array[] = [];
    for await (const part of run.csv) parts.push(part);
    return { output: Buffer.concat(parts).toString('hex'), report: run.report(), rejections: run.rejections };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Asserts that deciding from bytes gives what deciding from fields gives, byte for byte. */
async function expectSame(bytes: Uint8Array, sizes: readonly number[] = [64 * 1024], extra = {}) {
  const general = await outcome(false, bytes, sizes, extra);
  expect(await outcome(true, bytes, sizes, extra)).toEqual(general);
  return general;
}

const header = 'OrderID,Customer,Status,OrderDate\n';
const text = (body: string) => Buffer.from(header + body);

describe('the byte rule gives the bytes, report and rejections of the field rule', () => {
  it.each(['orders-crlf-bom.csv', 'orders-lf-junk-rows.csv'])(
    'on %s, whatever the chunking',
    async (name) => {
      for (const sizes of [[1], [7], [3, 50, 2], [64 * 1024]]) await expectSame(fixture(name), sizes);
    },
  );

  it.each([
    [
      'quoted fields over several lines',
      'A,"x\n""y"", z",pending,2025-01-01\nB,"q",shipped,2025-01-02\nC,a"b,pending,2025-03-30\n',
    ],
    ['text after a closing quote', 'A,"x"tail,pending,2025-01-01\nB,x,"pen"ding,2025-01-01\n'],
    [
      'an unterminated quote at the end',
      'A,x,pending,2025-01-01\nB,"open,pending,2025-01-01\nC,y,pending,2025-01-01\n',
    ],
    [
      'mixed line terminators',
      'A,x,shipped,2025-01-01\r\nB,y,shipped,2025-01-02\nC,z,pending,2025-03-30\r\n',
    ],
    ['no terminator on the last line', 'A,x,shipped,2025-01-01\nB,y,shipped,2025-01-02'],
    ['a CR before the end of input', 'A,x,shipped,2025-01-01\r'],
    ['blank lines and CR-only lines', '\n\r\nA,x,shipped,2025-01-01\n\n\r\nB,y,pending,2025-01-01\n'],
    [
      'other date layouts',
      'A,x,pending,01/15/2025\nB,x,pending,2025/01/15\nC,x,pending,15-01-2025\nD,x,pending, 2025-01-15 \nE,x,pending,2025-01-15T23:30:00-05:00\n',
    ],
    [
      'impossible and junk dates',
      'A,x,pending,2025-02-30\nB,x,shipped,2025-13-01\nC,x,pending,yesterday\nD,x,pending,\nE,x,pending,2025-1-01\n',
    ],
    [
      'blank, spaced and cased statuses',
      'A,x,,2025-01-01\nB,x, \t ,2025-01-01\nC,x, PENDING ,2025-01-01\nD,x,CanCeled,2025-01-01\nE,x,on-hold,2025-01-01\n',
    ],
    [
      'non-ASCII statuses and values',
      'A,Zoë,pending,2025-01-01\nB,x,\u00a0pending\u00a0,2025-01-01\nC,x,\u212Aept,2025-01-01\nD,Łódź,shipped,2025-03-30\n',
    ],
    ['ragged rows', 'A,x,pending\nB,x,pending,2025-01-01,extra\nonly-one-field\nC,x,shipped,2025-01-01\n'],
    ['a header without data', ''],
  ])('with %s', async (_, body) => {
    for (const sizes of [[1], [5, 11], [64 * 1024]]) await expectSame(text(body), sizes);
  });

  it('with blank lines before the header, a BOM and CRLF', async () => {
    const bytes = Buffer.from(
      '\uFEFF\r\n\r\nid,status,date\r\nA,pending,2025-01-01\r\nB,pending,2025-03-30\r\n',
    );
    for (const sizes of [[1], [2, 3], [64 * 1024]]) await expectSame(bytes, sizes);
  });

  it('with Windows-1252 bytes among UTF-8 ones, and characters split across chunks', async () => {
    const bytes = Buffer.concat([
      text('A,\u00c9vry,shipped,2025-01-01\n'),
      Buffer.from('B,\xc9vry,shipped,2025-01-01\n', 'latin1'),
    ]);
    for (const sizes of [[1], [2], [3], [37], [64 * 1024]]) await expectSame(bytes, sizes);
    await expectSame(bytes, [64 * 1024], { encoding: 'utf-8' });
    await expectSame(bytes, [64 * 1024], { encoding: 'windows-1252' });
  });

  it('with other delimiters, column mappings, time zones and rule options', async () => {
    const semicolons = Buffer.from('id;State;Placed On\nA;pending;2025-01-01\nB;pending;2025-03-30\nC;x\n');
    const mapped = { delimiter: ';', columns: { status: 'state', orderDate: 'placed_on' } };
    await expectSame(semicolons, [4], mapped);
    const body = text('A,x,pending,2025-03-01\nB,x,hold,2025-01-01\nC,x,pending,03/01/2025\n');
    await expectSame(body, [9], { asOf: new Date('2025-03-31T23:30:00Z'), timeZone: 'Asia/Tokyo' });
    await expectSame(body, [9], { maxAgeDays: 0, staleStatuses: ['Hold'] });
    await expectSame(body, [9], { dateFormats: ['MM/DD/YYYY'] });
  });

  it('refuses the same inputs with the same errors', async () => {
    expect(await expectSame(Buffer.from(''))).toHaveProperty('error');
    expect(await expectSame(Buffer.from('id,name\n1,x\n'))).toHaveProperty('error');
    expect(await expectSame(Buffer.from('"id,status,date\n1,x,y\n'))).toHaveProperty('error');
    expect(await expectSame(text('A,x,y,z\n'), [8], { maxAgeDays: -1 })).toHaveProperty('error');
  });

  it('with lines longer than the byte scan takes, streamed through the general reader', async () => {
    const long = 'x'.repeat(200_000);
    const body = text(
      `A,${long},pending,2025-01-01\nB,"${long}\n${long}",shipped,2025-01-01\nC,x,shipped,2025-01-01\n`,
    );
    for (const sizes of [[4096], [64 * 1024], [1 << 20]]) await expectSame(body, sizes);
  });

  it('on generated files mixing every quirk, cut into random chunks', async () => {
    const status = fc.constantFrom(
      'pending',
      ' Cancelled ',
      'canceled',
      'shipped',
      '',
      'confirmed',
      'PENDING',
      'é',
    );
    const date = fc.constantFrom(
      '2025-01-01',
      '2025-03-30',
      '2025-02-30',
      '03/31/2025',
      'junk',
      '',
      ' 2025-01-02',
    );
    const name = fc.constantFrom('Bob', '"Smith, Al"', '"multi\nline"', 'Zoë', 'a"b', '"x""y"', '€');
    const cell = fc.tuple(name, status, date).map(([n, s, d]) => `O1,${n},${s},${d}`);
    const row = fc.oneof(
      { weight: 8, arbitrary: cell },
      fc.constantFrom('', 'x', 'a,b,c,d,e', 'A,"open,x,y'),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    const file = fc.tuple(fc.array(fc.tuple(row, eol), { maxLength: 30 }), fc.boolean());
    const sizes = fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(file, sizes, async ([rows, bom], chunking) => {
        const body = rows.map(([r, e]) => r + e).join('');
        const bytes = Buffer.concat([Buffer.from(bom ? '\uFEFF' : ''), text(body)]);
        await expectSame(bytes, chunking);
      }),
      { numRuns: 150 },
    );
  });

  it('on any written date, real or not, at any age around the cut-off', async () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const date = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const near = fc
      .integer({ min: -400, max: 400 })
      .map((days) => new Date(Date.UTC(2024, 2, 1) + days * 86_400_000).toISOString().slice(0, 10));
    const status = fc.constantFrom('pending', 'cancelled', 'shipped');
    const row = fc.tuple(status, fc.oneof(date, near)).map(([s, d]) => `O1,Bob,${s},${d}\n`);
    const asOf = near;
    const maxAgeDays = fc.integer({ min: 0, max: 400 });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), asOf, maxAgeDays, async (rows, day, age) => {
        await expectSame(text(rows.join('')), [64 * 1024], { asOf: day, maxAgeDays: age });
      }),
      { numRuns: 200 },
    );
  });
});
