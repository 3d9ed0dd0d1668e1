import { readFileSync } from 'node:fs';
import { CsvHeaderError, openCsv, openCsvScan } from '@sluice/core/codecs';
import { isBalanced, type Rejection } from '@sluice/core/outcome';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectBots } from './detect-bots.js';
import {
  BotCsvRules,
  type DetectBotsFromCsvOptions,
  detectBotsFromCsv,
  REJECTION_SAMPLE,
} from './detect-bots-csv.js';
import { BotEventColumnError } from './errors.js';
import { botEventRow, findBotEventColumns } from './event-columns.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const FILE = 'raw/events.csv';
const FIXTURES = ['rees46-events-19-digit-ids.csv', 'events-quoted-junk-late-crlf.csv'];
const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const ROW = '2019-11-01 00:00:01 UTC,view,1,2,,,1.00,u1,s1';
const text = (body: string, header = HEADER) => Buffer.from(`${header}\n${body}`);

async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

const lineOf = (rejection: Rejection) => (rejection.position?.kind === 'file' ? rejection.position.line : 0);

/** The public function, every rejection streamed out. */
async function detect(bytes: Uint8Array, sizes: readonly number[], options: DetectBotsFromCsvOptions = {}) {
  try {
    const rejections: Rejection[] = [];
    const onRejected = (rejection: Rejection) => void rejections.push(rejection);
    const run = await detectBotsFromCsv(chunksOf(bytes, sizes), {
      file: FILE,
      now: () => 0,
      ...options,
      onRejected,
    });
    return { detections: run.detections, report: run.report, rejections };
  } catch (error) {
    return { error: String(error) };
  }
}

/** The same run with record rules alone: every record decoded and read by the schema. */
async function recordsOnly(
  bytes: Uint8Array,
  sizes: readonly number[],
  options: DetectBotsFromCsvOptions = {},
) {
  try {
    const { delimiter, encoding, maxRecordBytes } = options;
    const read = { file: FILE, now: () => 0, delimiter, encoding, maxRecordBytes };
    const scan = await openCsvScan(chunksOf(bytes, sizes), read);
    const rules = new BotCsvRules(findBotEventColumns(scan, FILE, options.keyBy), options);
    const rejections: Rejection[] = [];
    const record = rules.record.bind(rules);
    const report = await scan.drain({ record }, { onRejected: (r) => void rejections.push(r) });
    rules.counter.flush(rules.detections);
    return { detections: rules.detections, report, rejections };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Asserts that the byte rule changes nothing: same detections, report and rejections. */
async function expectSame(bytes: Uint8Array, sizes: readonly number[] = [64 * 1024], options = {}) {
  const expected = await recordsOnly(bytes, sizes, options);
  expect(await detect(bytes, sizes, options)).toEqual(expected);
  return expected;
}

describe('detectBotsFromCsv: the line rule gives what the record rule alone gives', () => {
  it.each(FIXTURES)('on %s, whatever the chunking and key', async (name) => {
    const whole = await expectSame(fixture(name));
    for (const sizes of [[1], [7], [3, 50, 2]]) expect(await expectSame(fixture(name), sizes)).toEqual(whole);
    await expectSame(fixture(name), [13], { keyBy: 'user_session' });
    await expectSame(fixture(name), [5], { keyBy: (e: { brand: string }) => e.brand });
  });

  it.each(FIXTURES)('on %s, finds the detections of detectBots over the rows', async (name) => {
    const csv = await openCsv(chunksOf(fixture(name), [64 * 1024]), { file: FILE });
    const columns = findBotEventColumns(csv, FILE);
    const rows: Record<string, string>[] = [];
    for await (const record of csv.records)
      if (record.ok) rows.push(botEventRow(columns, record.value.fields));
    expect(await detect(fixture(name), [9])).toMatchObject({ detections: detectBots(rows).detections });
  });

  it('finds the bots, the late event and the bad rows of the quirks fixture, and accounts for every line', async () => {
    const run = await detect(fixture('events-quoted-junk-late-crlf.csv'), [11]);
    expect(run.detections?.map((d) => [d.key, d.count, d.severity])).toEqual([
      ['600000001', 14, 'high'],
      ['520000002', 11, 'high'],
    ]);
    expect(run.report).toMatchObject({
      read: 36,
      dropped: { late: 1, 'blank-line': 1 },
      rejected: { schema: 5, 'ragged-row': 1 },
      lines: 38,
    });
    if (run.report) expect(isBalanced(run.report)).toBe(true);
    expect(run.rejections?.map(lineOf)).toEqual([25, 26, 31, 32, 33, 34]);
    expect(run.rejections?.[1]).toMatchObject({
      reason: 'schema',
      message: `${FILE}:26: price: "abc" is not a number`,
      position: { kind: 'file', file: FILE, line: 26, column: 'price' },
    });
  });

  it('loses only the row of a stray quote, however many good rows follow', async () => {
    const good = Array.from({ length: 5_000 }, (_, i) => ROW.replace('u1', `u${i % 7}`));
    good[2] = ROW.replace(',,', ',"Zoë,');
    const run = await detect(text(good.join('\n')), [4096]);
    expect(run.report).toMatchObject({ read: 5_000, kept: 4_999, rejected: { 'unterminated-quote': 1 } });
    expect(run.rejections?.map(lineOf)).toEqual([4]);
    await expectSame(text(good.join('\n')), [4096]);
  });

  it('reads files whose lines end in a lone CR', async () => {
    const body = Array.from({ length: 8 }, () => ROW).join('\r');
    const run = await expectSame(Buffer.from(`${HEADER}\r${body}\r`), [5]);
    expect(run).toMatchObject({
      detections: [{ key: 'u1', count: 8, severity: 'flag' }],
      report: { read: 8, kept: 8, lines: 9 },
    });
  });

  it('with blank lines, a BOM, CRLFs, quotes, semicolons, stray bytes and odd values', async () => {
    await expectSame(Buffer.from(`\uFEFF\r\n\r\n${HEADER}\r\n${ROW}\r\n\r\n${ROW}\r${ROW}\n${ROW}\r`), [2]);
    await expectSame(
      text(`${ROW}\n"${ROW}"\n${ROW.replace('u1', '"u1"')}\n${ROW.replace(',,', ',"a\nb",')}\n`),
      [1],
    );
    const semicolons = text(`${ROW}\n${ROW}\n`.replaceAll(',', ';'), HEADER.replaceAll(',', ';'));
    await expectSame(semicolons, [5], { delimiter: ';' });
    const stray = Buffer.concat([
      text(`${ROW}\n`),
      Buffer.from(`${ROW.replace('u1', '\xc9vry')}\n`, 'latin1'),
    ]);
    for (const encoding of ['auto', 'utf-8', 'windows-1252'] as const)
      for (const keyBy of ['user_id', 'user_session'] as const)
        await expectSame(stray, [3], { encoding, keyBy });
    const users = ['7', '007', ' 7', '7 ', '1'.repeat(16), '1'.repeat(19), '\u00a0u1', 'NaN', '0x50', ''];
    await expectSame(text(users.map((user) => `${ROW.replace('u1', user)}\n`).join('')), [6], {
      flagThreshold: 0,
    });
  });
  it('keys by an ip column, and rejects a record past maxRecordBytes alone', async () => {
    const header = `${HEADER},ip`;
    const rows = [
      `${ROW},10.0.0.1`,
      `${ROW.replace(',,', `,${'x'.repeat(300)},`)},10.0.0.1`,
      `${ROW},10.0.0.1`,
      `${ROW},`,
    ];
    const run = await expectSame(text(rows.join('\n'), header), [7], {
      keyBy: 'ip',
      flagThreshold: 1,
      maxRecordBytes: 200,
    });
    expect(run).toMatchObject({
      detections: [{ key: '10.0.0.1', count: 2 }],
      report: { kept: 2, dropped: { 'no-key': 1 }, rejected: { 'record-too-large': 1 } },
    });
  });
});

describe('detectBotsFromCsv: header', () => {
  it('finds columns by normalised name, in any order', async () => {
    const header = 'User-ID,Event Time,EVENT_TYPE,Product_Id,category id,price,user_session,Brand';
    const body = 'u1,2019-11-01 00:00:01 UTC,view,1,2,3.5,s1,x\nu1,2019-11-01 00:00:02 UTC,cart,1,2,3,,\n';
    const run = await expectSame(text(body, header), [3], { flagThreshold: 1 });
    expect(run).toMatchObject({ detections: [{ key: 'u1', count: 2 }], report: { kept: 2 } });
  });

  it('refuses two columns with one normalised name, naming both', async () => {
    const header = HEADER.replace('user_session', 'User ID');
    await expect(detectBotsFromCsv(chunksOf(text(`${ROW}\n`, header), [64]), { file: FILE })).rejects.toThrow(
      CsvHeaderError,
    );
    await expect(detectBotsFromCsv(chunksOf(text(`${ROW}\n`, header), [64]), { file: FILE })).rejects.toThrow(
      /"user_id" \(column 8\) and "User ID" \(column 9\)/,
    );
  });

  it('refuses a file without a column the schema requires or the key column, naming file and column', async () => {
    const noPrice = text(`${ROW}\n`, HEADER.replace('price', 'cost'));
    await expect(detectBotsFromCsv(chunksOf(noPrice, [64]), { file: FILE })).rejects.toThrow(
      new BotEventColumnError(FILE, 'price', 'the event schema requires it'),
    );
    await expect(
      detectBotsFromCsv(chunksOf(text(`${ROW}\n`), [64]), { file: FILE, keyBy: 'ip' }),
    ).rejects.toThrow(/raw\/events.csv has no "ip" column/);
    const noBrand = text(
      '2019-11-01 00:00:01 UTC,view,1,2,1.00,u1,s1\n',
      'event_time,event_type,product_id,category_id,price,user_id,user_session',
    );
    expect((await detect(noBrand, [64])).report).toMatchObject({ kept: 1 });
  });
});

describe('detectBotsFromCsv: rejections and state', () => {
  it(`keeps a sample of ${REJECTION_SAMPLE} rejections without onRejected, and counts them all`, async () => {
    const body = Array.from({ length: 250 }, () => ROW.replace('view', 'click')).join('\n');
    const run = await detectBotsFromCsv(chunksOf(text(body), [1000]), { file: FILE });
    expect(run.rejections).toHaveLength(REJECTION_SAMPLE);
    expect(run.report).toMatchObject({ read: 250, rejected: { schema: 250 } });
    expect((await detect(text(body), [1000])).rejections).toHaveLength(250);
  });

  it('reports the open state after each chunk, and it stays small', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) =>
      ROW.replace('00:00:01', clock(i)).replace('u1', `u${i % 50}`),
    );
    const sizes: number[] = [];
    await detectBotsFromCsv(chunksOf(text(rows.join('\n')), [4096]), {
      onChunk: (s) => void sizes.push(s.counters),
    });
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(150);
  });

  it('on generated files with bursts, late events, far-ahead times and junk, cut into random chunks', async () => {
    const time = fc
      .integer({ min: 0, max: 40 })
      .map((s) => `2019-11-01 00:00:${String(s).padStart(2, '0')} UTC`);
    const oddTime = fc.constantFrom(
      '2019-11-01T00:00:03Z',
      '2019-11-01 00:00:04',
      '2019-02-29 00:00:01 UTC',
      'x',
      '',
    );
    // 2099 is past the clock; 02:00 and 02:00:05 are 2 h ahead of the rest: a jump once enough agree.
    const aheadTime = fc.constantFrom(
      '2099-01-01 00:00:00 UTC',
      '2019-11-01 02:00:00 UTC',
      '2019-11-01 02:00:05 UTC',
    );
    const cells = fc.record({
      time: fc.oneof({ weight: 9, arbitrary: time }, oddTime, aheadTime),
      type: fc.constantFrom('view', 'view', 'cart', 'purchase', 'remove_from_cart', 'click', '"view"'),
      price: fc.constantFrom('489.07', '5', '', 'abc', ' 3 ', '"1,5"', '1e3', 'NaN', '0x50', '-.5'),
      user: fc.constantFrom(
        'u1',
        'u2',
        'u2',
        ' u1',
        '',
        '"u2"',
        'é',
        '7',
        '7',
        '007',
        '"7"',
        '0',
        '1'.repeat(19),
      ),
      session: fc.constantFrom('s1', 's2', '', 'ß', '"s,1"'),
      brand: fc.constantFrom('xiaomi', '', '"multi\nline"', 'a"b', 'Zoë'),
    });
    const event = cells.map(
      (c) => `${c.time},${c.type},1003461,2053013555631882655,,${c.brand},${c.price},${c.user},${c.session}`,
    );
    const row = fc.oneof({ weight: 12, arbitrary: event }, fc.constantFrom('', 'x', 'a,b,c', '"open,x'));
    const file = fc.array(fc.tuple(row, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 60 });
    const sizes = fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 4 });
    const settings = fc.record({
      keyBy: fc.constantFrom('user_id', 'user_session') as fc.Arbitrary<'user_id' | 'user_session'>,
      flagThreshold: fc.integer({ min: 0, max: 3 }),
      windowMs: fc.constantFrom(5_000, 10_000),
      allowedLatenessMs: fc.constantFrom(0, 3_000),
      jumpConfirmations: fc.integer({ min: 1, max: 3 }),
      clock: fc.constant(() => Date.UTC(2025, 0, 1)),
    });
    await fc.assert(
      fc.asyncProperty(file, sizes, settings, async (rows, chunking, options) => {
        const bytes = text(rows.map(([r, eol]) => r + eol).join(''));
        const expected = await expectSame(bytes, chunking, options);
        expect(await recordsOnly(bytes, [64 * 1024], options)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

/** `HH:MM:SS` of the i-th of events ten a second. */
function clock(i: number): string {
  const second = Math.floor(i / 10);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`;
}
