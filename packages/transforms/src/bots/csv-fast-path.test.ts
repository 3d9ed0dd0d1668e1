import { readFileSync } from 'node:fs';
import { openCsv } from '@sluice/core/codecs';
import { type Rejection, RunTally, type SourcePosition } from '@sluice/core/outcome';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DetectBotsFromCsvOptions, detectBotsFromCsv } from './csv-fast-path.js';
import { detectBots } from './detect-bots.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const FILE = 'raw/events.csv';

async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

const lineOf = (rejection: Rejection) =>
  rejection.position?.kind === 'file' ? (rejection.position.line ?? 0) : 0;

/** The reference: `openCsv` rows as objects through `detectBots`; reader rejections beside its own. */
async function general(bytes: Uint8Array, sizes: readonly number[], options: DetectBotsFromCsvOptions) {
  try {
    const { delimiter, encoding, file = FILE, ...detector } = options;
    const csv = await openCsv(chunksOf(bytes, sizes), {
      file,
      ...(delimiter ? { delimiter } : {}),
      encoding,
    });
    const rows: Record<string, string | undefined>[] = [];
    const positions: SourcePosition[] = [];
    const unread: Rejection[] = [];
    for await (const record of csv.records) {
      if (!record.ok) unread.push(record.rejection);
      else {
        rows.push(Object.fromEntries(csv.header.map((name, i) => [name, record.value.fields[i]])));
        positions.push({ kind: 'file', file, line: record.value.line });
      }
    }
    const run = detectBots(rows, { ...detector, positionOf: (i) => positions[i] as SourcePosition });
    const tally = new RunTally({ now: () => 0 });
    tally.absorb(run.report);
    for (const rejection of unread) tally.reject(rejection.reason);
    const rejections = [...run.rejections, ...unread].sort((a, b) => lineOf(a) - lineOf(b));
    return { detections: run.detections, report: tally.report(), rejections };
  } catch (error) {
    return { error: String(error) };
  }
}

async function fast(bytes: Uint8Array, sizes: readonly number[], options: DetectBotsFromCsvOptions) {
  try {
    const { detections, report, rejections } = await detectBotsFromCsv(chunksOf(bytes, sizes), {
      file: FILE,
      ...options,
    });
    return { detections, report, rejections };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Asserts that the fast path gives the detections, report and rejections of the general path. */
async function expectSame(bytes: Uint8Array, sizes: readonly number[] = [64 * 1024], extra = {}) {
  const options = { now: () => 0, ...extra };
  const expected = await general(bytes, sizes, options);
  expect(await fast(bytes, sizes, options)).toEqual(expected);
  return expected;
}

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const text = (body: string, header = HEADER) => Buffer.from(`${header}\n${body}`);

describe('detectBotsFromCsv gives the detections, report and rejections of detectBots', () => {
  it.each(['rees46-events-19-digit-ids.csv', 'events-quoted-junk-late-crlf.csv'])(
    'on %s, whatever the chunking and key',
    async (name) => {
      for (const sizes of [[1], [7], [3, 50, 2], [64 * 1024]]) await expectSame(fixture(name), sizes);
      for (const keyBy of ['user_session', 'ip'] as const) await expectSame(fixture(name), [13], { keyBy });
      await expectSame(fixture(name), [5], { keyBy: (e: { brand: string }) => e.brand });
    },
  );

  it('finds the bots, the late event and the bad rows of the quirks fixture', async () => {
    const run = await detectBotsFromCsv(chunksOf(fixture('events-quoted-junk-late-crlf.csv'), [11]), {
      file: FILE,
    });
    expect(run.detections.map((d) => [d.key, d.count, d.severity])).toEqual([
      ['600000001', 14, 'high'],
      ['520000002', 11, 'high'],
    ]);
    expect(run.report).toMatchObject({ dropped: { late: 1 }, rejected: { schema: 5, 'ragged-row': 1 } });
    expect(run.rejections.map(lineOf)).toEqual([25, 26, 31, 32, 33, 34]);
  });

  it.each([
    [
      'times in other layouts and impossible ones',
      'T',
      [
        '2019-11-01T00:00:01Z',
        '2019-11-01 00:00:01',
        '2019-11-01 00:00:01Z',
        '2019-02-29 00:00:01 UTC',
        '2019-11-01 24:00:00 UTC',
        '2019-11-01 00:60:00 UTC',
        '2020-02-29 23:59:59 UTC',
        '2019-11-01 00:00:01 utc',
        '',
      ],
    ],
    [
      'odd prices',
      'P',
      [
        '5',
        '-1',
        '.5',
        '5.',
        '-',
        '.',
        '',
        ' 7 ',
        '1e3',
        'Infinity',
        '0x10',
        '+5',
        '1'.repeat(301),
        '1'.repeat(400),
        '1_0',
      ],
    ],
    ['odd event types', 'E', ['view', 'View', 'click', 'cart ', 'purchase', 'remove_from_cart', '']],
    ['odd user ids', 'U', ['u1', ' u1', 'u1 ', '\tu1', '', ' ', 'ü', 'u\u00a0', '\u00a0u1', 'a b']],
    [
      'numeric user ids',
      'U',
      ['7', '007', '0', '00', '-7', '+7', '7.0', '1e3', ' 7', '9'.repeat(15), '9'.repeat(16), '1'.repeat(20)],
    ],
  ])('with %s', async (_, field, values) => {
    const line = (value: string, i: number) => {
      const cells = { T: '2019-11-01 00:00:01 UTC', E: 'view', P: '1.00', U: 'u1' };
      const v = { ...cells, [field]: value };
      return `${v.T},${v.E},${i + 1},2,,,${v.P},${v.U},s${i % 2}\n`;
    };
    const body = [...values, ...values].map(line).join('');
    for (const sizes of [[1], [64 * 1024]]) {
      await expectSame(text(body), sizes, { flagThreshold: 1, alertThreshold: 3 });
      await expectSame(text(body), sizes, { keyBy: 'user_session', flagThreshold: 1 });
    }
  });

  it('counts a numeric user once whichever path reads its lines, and keeps look-alike ids apart', async () => {
    const row = (user: string, second: number) =>
      `2019-11-01 00:00:0${second} UTC,view,1,2,,,1.00,${user},s1\n`;
    const users = ['7', '"7"', '007', '7', '"7"', '1234567890123456', '7', '1234567890123456'];
    const body = users.map((user, i) => row(user, i)).join('');
    const expected = await expectSame(text(body), [5], { flagThreshold: 1 });
    expect(expected).toMatchObject({
      detections: [
        { key: '7', count: 5 },
        { key: '1234567890123456', count: 2 },
      ],
    });
  });

  it('with other headers: reordered, with ip, duplicate names, a required column missing', async () => {
    const body =
      '1,u1,2019-11-01 00:00:01 UTC,view,2,3.5,s1,10.0.0.1\n1,u1,2019-11-01 00:00:02 UTC,cart,2,3,,\n';
    const header = 'product_id,user_id,event_time,event_type,category_id,price,user_session,ip';
    for (const keyBy of ['user_id', 'user_session', 'ip'] as const) {
      await expectSame(text(body, header), [3], { keyBy, flagThreshold: 0 });
      await expectSame(text(body, header.replace('ip', 'user_id')), [3], { keyBy, flagThreshold: 0 });
      await expectSame(text(body, header.replace('price', 'cost')), [3], { keyBy, flagThreshold: 0 });
    }
  });

  it('with blank lines, a BOM, CRs, quotes, semicolons and stray bytes', async () => {
    const row = '2019-11-01 00:00:01 UTC,view,1,2,,,1.00,u1,s1';
    await expectSame(Buffer.from(`\uFEFF\r\n\r\n${HEADER}\r\n${row}\r\n\r\n${row}\r${row}\n${row}\r`), [2]);
    await expectSame(
      text(`${row}\n"${row}"\n${row.replace('u1', '"u1"')}\n${row.replace(',,', ',"a\nb",')}\n`),
      [1],
    );
    await expectSame(text(`${row}\n${row.replace('u1', 'u"1')}\n"open,${row}\n`), [4]);
    const semicolons = text(`${row}\n${row}\n`.replaceAll(',', ';'), HEADER.replaceAll(',', ';'));
    await expectSame(semicolons, [5], { delimiter: ';' });
    const stray = Buffer.concat([
      text(`${row}\n`),
      Buffer.from(`${row.replace(',,', ',\xc9vry,')}\n`, 'latin1'),
    ]);
    for (const encoding of ['auto', 'utf-8', 'windows-1252'] as const)
      await expectSame(stray, [3], { encoding });
  });

  it('with lines longer than the byte scan takes', async () => {
    const row = (brand: string) => `2019-11-01 00:00:01 UTC,view,1,2,,${brand},1.00,u1,s1\n`;
    const long = 'x'.repeat(100_000);
    for (const sizes of [[4096], [1 << 20]])
      await expectSame(text(row(long) + row('"a\n') + row(long)), sizes);
  });

  it('refuses the same inputs with the same errors', async () => {
    expect(await expectSame(Buffer.from(''))).not.toHaveProperty('error');
    expect(await expectSame(Buffer.from('"event_time,x\n1,2\n'))).toHaveProperty('error');
  });

  it('on generated files with bursts, late events and junk, cut into random chunks', async () => {
    const time = fc
      .integer({ min: 0, max: 40 })
      .map((s) => `2019-11-01 00:00:${String(s).padStart(2, '0')} UTC`);
    const oddTime = fc.constantFrom('2019-11-01T00:00:03Z', '2019-02-29 00:00:01 UTC', 'x', '');
    const cells = fc.record({
      time: fc.oneof({ weight: 9, arbitrary: time }, oddTime),
      type: fc.constantFrom('view', 'view', 'cart', 'purchase', 'remove_from_cart', 'click', '"view"'),
      price: fc.constantFrom('489.07', '5', '', 'abc', ' 3 ', '"1,5"'),
      user: fc.constantFrom(
        'u1',
        'u2',
        'u2',
        'u3',
        ' u1',
        '',
        '"u2"',
        'é',
        '7',
        '7',
        '007',
        '"7"',
        '0',
        '1'.repeat(16),
      ),
      session: fc.constantFrom('s1', 's2', '', 'ß', '"s,1"'),
      brand: fc.constantFrom('xiaomi', '', '"multi\nline"', 'a"b', 'Zoë'),
    });
    const event = cells.map(
      (c) => `${c.time},${c.type},1003461,2053013555631882655,,${c.brand},${c.price},${c.user},${c.session}`,
    );
    const row = fc.oneof({ weight: 12, arbitrary: event }, fc.constantFrom('', 'x', 'a,b,c', '"open,x'));
    const eol = fc.constantFrom('\n', '\r\n');
    const file = fc.array(fc.tuple(row, eol), { maxLength: 60 });
    const sizes = fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 4 });
    const settings = fc.record({
      keyBy: fc.constantFrom('user_id', 'user_session') as fc.Arbitrary<'user_id' | 'user_session'>,
      flagThreshold: fc.integer({ min: 0, max: 3 }),
      windowMs: fc.constantFrom(5_000, 10_000),
      allowedLatenessMs: fc.constantFrom(0, 3_000),
    });
    await fc.assert(
      fc.asyncProperty(file, sizes, settings, async (rows, chunking, options) => {
        const body = rows.map(([r, e]) => r + e).join('');
        await expectSame(text(body), chunking, { ...options, alertThreshold: options.flagThreshold + 2 });
      }),
      { numRuns: 200 },
    );
  });
});
