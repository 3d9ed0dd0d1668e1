// One rule source for bot events: BOT_EVENT_RULES, read by checkBotEvent (BotEventSchema's
// validation). The byte rule (for CSV lines) is a second reading of them, held to it here on any row.
import { type CsvLine, type CsvRecord, openCsvScan } from '@sluice/core/codecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterKey } from './counter-key.js';
import { BotEventBytes } from './event-bytes.js';
import { BotEventSchema, checkBotEvent } from './event-check.js';
import { type BotEventColumns, botEventRow, findBotEventColumns } from './event-columns.js';
import { keyFunction } from './options.js';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '  x ', '\t', '0', '1e400', 'NaN', 'Infinity', ' 12.5 ', '-0', '0x1f', '1_0'),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21),
);
const anyValue = fc.oneof(text, number, fc.constantFrom(null, undefined), fc.boolean(), fc.jsonValue());
const eventTime = fc.oneof(
  fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`),
  fc.constantFrom(
    '2019-11-01 00:00:00 UTC',
    '2019-13-01 00:00:00 UTC',
    '2019-11-01T00:00:00Z',
    '2019-02-30 25:61:61 UTC',
  ),
  anyValue,
);
const eventType = fc.oneof(
  fc.constantFrom('view', 'cart', 'remove_from_cart', 'purchase', 'click', 'VIEW'),
  anyValue,
);
const id = fc.oneof(text, number, fc.integer({ min: 0 }).map(String), anyValue);
const optionalText = fc.oneof(text, fc.constant(null), fc.constant(undefined), anyValue);
const price = fc.oneof(
  number,
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  anyValue,
);

/** Events near the schema's edges: each field valid, invalid or absent. */
const event = fc.record(
  {
    event_time: eventTime,
    event_type: eventType,
    ...Object.fromEntries(['product_id', 'category_id', 'user_id'].map((name) => [name, id])),
    ...Object.fromEntries(['category_code', 'brand', 'user_session'].map((name) => [name, optionalText])),
    price,
    ip: fc.oneof(fc.string(), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** Events that are mostly readable, so the accepted side (outputs) is compared too. */
const readable = fc.record(
  {
    event_time: fc.constantFrom('2019-11-01 00:00:00 UTC', '2020-02-29 23:59:59 UTC'),
    event_type: fc.constantFrom('view', 'cart', 'remove_from_cart', 'purchase'),
    product_id: fc.oneof(fc.integer(), fc.string({ minLength: 1 }), fc.constantFrom(' 7 ', 2 ** 53 - 1)),
    category_id: fc.oneof(fc.nat().map(String), fc.nat()),
    category_code: fc.oneof(fc.string(), fc.constant(null)),
    brand: fc.oneof(fc.string(), fc.constant(null)),
    price: fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom('489.07', ' 1 ', '-0', '1e3'),
    ),
    user_id: fc.oneof(fc.nat(), fc.nat().map(String)),
    user_session: fc.oneof(fc.uuid(), fc.constant(null)),
    ip: fc.ipV4(),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['event_time', 'event_type', 'product_id', 'category_id', 'price', 'user_id'] },
);

describe('checkBotEvent', () => {
  it('reads any input as an event with every field typed, or as issues naming fields', () => {
    let accepted = 0;
    const fields =
      'event_time event_type product_id category_id category_code brand price user_id user_session ip'.split(
        ' ',
      );
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 4, arbitrary: readable },
          { weight: 4, arbitrary: event },
          { weight: 1, arbitrary: anyValue },
        ),
        (input) => {
          const verdict = checkBotEvent(input);
          expect(BotEventSchema['~standard'].validate(input)).toStrictEqual(verdict);
          if ('issues' in verdict) {
            expect(verdict.issues.length).toBeGreaterThan(0);
            for (const { path } of verdict.issues)
              expect(path.length === 0 || fields.includes(path[0] ?? '')).toBe(true);
            return;
          }
          accepted++;
          const { value } = verdict;
          expect(Number.isFinite(value.event_time) && Number.isFinite(value.price)).toBe(true);
          for (const id of [value.product_id, value.category_id, value.user_id]) expect(id.trim()).toBe(id);
          expect(value.user_id).not.toBe('');
        },
      ),
      { numRuns: 10_000 },
    );
    expect(accepted).toBeGreaterThan(2_000);
  });

  it('accepts a rees46 row, with ids kept as strings and price as a number', () => {
    const line = `2019-11-01 00:00:00 UTC,view,1003461,2053013555631882655,electronics.smartphone,xiaomi,489.07,,${UUID}`;
    const cells = line.split(',');
    // As JSON gives it: the user id a number.
    const row = {
      ...Object.fromEntries(HEADER.split(',').map((name, i) => [name, cells[i]])),
      user_id: 520088904,
    };
    expect(checkBotEvent(row)).toMatchObject({ value: { user_id: '520088904', price: 489.07 } });
  });

  it('names each bad field, in the schema order', () => {
    const verdict = checkBotEvent({ event_type: 'click', price: 'abc', product_id: '  ' });
    expect('issues' in verdict && verdict.issues.map((issue) => issue.path[0])).toEqual([
      'event_time',
      'event_type',
      'product_id',
      'category_id',
      'price',
      'user_id',
    ]);
  });
});

// --- The same rules on CSV rows: schema, checker and byte rule ---------------------------------

const UUID = '4d3b30da-a5e4-49df-b1a8-ba5943f1dd33';
const HEADER =
  'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session,ip';
type KeyBy = 'user_id' | 'user_session' | 'ip';

/** Strings a hostile file holds: spaces, long and look-alike numbers, non-ASCII, CSV syntax. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', ' ', '\t', ' 7 ', '7 ', 'NaN', '0x50', '1e3', 'Infinity', '-0', '+5', '1_0', '.', '-'),
  fc.constantFrom(
    '9'.repeat(19),
    '1'.repeat(16),
    '007',
    '0',
    '\u00a0u1',
    'u1\u00a0',
    'Zoë',
    'a,b',
    'a"b',
    '"q"',
  ),
  fc.constantFrom('x\ny', 'x\r\ny', 'x\rz', '1'.repeat(301), `1.${'5'.repeat(298)}`),
);
const timeText = fc.oneof(
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 19))
    .chain((iso) =>
      fc.constantFrom(`${iso.replace('T', ' ')} UTC`, iso, `${iso}Z`, `${iso} UTC`, iso.replace('T', ' ')),
    ),
  fc.constantFrom(
    '2019-02-29 00:00:00 UTC',
    '2019-11-01 24:00:00 UTC',
    '2019-11-01 00:00:00 utc',
    '2019-11-01 00:00:00 UTC ',
  ),
);
const idText = fc.oneof(
  fc.nat().map(String),
  fc.stringMatching(/^[1-9]\d{18}$/),
  fc.constantFrom('u1', 'A-1'),
);
const priceText = fc.oneof(
  fc.integer({ min: -99_999, max: 999_999 }).map((cents) => (cents / 100).toFixed(2)),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('489.07', '5', '-1.5', '.5', '5.', '-.5'),
);
const often = <T>(plain: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: plain }, { weight: 1, arbitrary: other });

const csvRow = fc.record({
  event_time: often(timeText, hostile),
  event_type: often(fc.constantFrom('view', 'cart', 'remove_from_cart', 'purchase'), hostile),
  product_id: often(idText, hostile),
  category_id: often(idText, hostile),
  category_code: often(fc.constantFrom('', 'electronics.smartphone'), hostile),
  brand: often(fc.constantFrom('', 'xiaomi'), hostile),
  price: often(priceText, hostile),
  user_id: often(idText, hostile),
  user_session: often(fc.uuid(), hostile),
  ip: often(fc.ipV4(), hostile),
});

/** A CSV field as a writer would put it: quoted when it holds a delimiter, a quote or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** What the byte rule says of a one-row file, and the row as decoded. */
async function readRow(bytes: Buffer, keyBy: KeyBy) {
  const scan = await openCsvScan([bytes], { file: 'row.csv' });
  const columns: BotEventColumns = findBotEventColumns(scan, 'row.csv', keyBy);
  const rule = new BotEventBytes(columns, keyBy);
  let decided: { time: number; key: string | number } | undefined;
  let fields: string[] = [];
  const line = (seen: CsvLine) => {
    if (rule.read(seen)) decided = { time: rule.time, key: rule.key };
    fields = seen.fields();
    return 'keep' as const;
  };
  const record = (seen: CsvRecord) => {
    fields = seen.fields;
    return 'keep' as const;
  };
  const report = await scan.drain({ line, record }, { onRejected: () => {} });
  return { decided, row: botEventRow(columns, fields), readable: report.kept === 1 };
}

describe('checkBotEvent and the byte rule', () => {
  it('give the same verdict and value for any CSV row; the byte rule answers only when sure', async () => {
    let byBytes = 0;
    await fc.assert(
      fc.asyncProperty(
        csvRow,
        fc.constantFrom<KeyBy>('user_id', 'user_session', 'ip'),
        async (cells, keyBy) => {
          const text = `${HEADER}\n${Object.values(cells).map(csvField).join(',')}\n`;
          const { decided, row, readable } = await readRow(Buffer.from(text), keyBy);
          if (!readable) return; // e.g. a lone CR inside an unquoted field: not one record
          const schema = checkBotEvent(row);
          if (decided === undefined) return;
          byBytes++;
          expect(schema).toHaveProperty('value');
          const event = (schema as { value: Parameters<ReturnType<typeof keyFunction>>[0] }).value;
          const key = keyFunction(keyBy)(event) ?? '';
          // The counter holds every key as counterKey makes it: '7' from one path and 7 from the other are one.
          const held = (k: string | number) => (k === '' ? '' : counterKey(k));
          expect({ time: decided.time, key: held(decided.key) }).toEqual({
            time: event.event_time,
            key: held(key),
          });
        },
      ),
      { numRuns: 3_000 },
    );
    expect(byBytes).toBeGreaterThan(500);
  });

  it('decides a plain rees46 line from its bytes', async () => {
    const line = '2019-11-01 00:00:00 UTC,view,1003461,2053013555631882655,,xiaomi,489.07,520088904,s1,';
    const { decided } = await readRow(Buffer.from(`${HEADER}\n${line}\n`), 'user_id');
    expect(decided).toEqual({ time: Date.UTC(2019, 10, 1), key: 520088904 });
  });
});
