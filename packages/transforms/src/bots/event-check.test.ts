import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBotEvent } from './event-check.js';
import { BotEventSchema } from './schema.js';

/** What the schema says of `input`, in the checker's terms. */
function schemaVerdict(input: unknown) {
  const result = BotEventSchema.safeParse(input);
  if (result.success) return { value: result.data };
  return { issues: result.error.issues.map((issue) => ({ message: issue.message, path: issue.path })) };
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '  x ', '\t', '0', '1e400', 'NaN', 'Infinity', ' 12.5 ', '-0', '0x1f', '1_0'),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21),
);
const anyValue = fc.oneof(
  text,
  number,
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.jsonValue(),
);
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
    product_id: id,
    category_id: id,
    category_code: optionalText,
    brand: optionalText,
    price,
    user_id: id,
    user_session: optionalText,
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
  it('accepts what BotEventSchema accepts, with the same output', () => {
    let accepted = 0;
    fc.assert(
      fc.property(readable, (input) => {
        const verdict = checkBotEvent(input);
        expect(verdict).toStrictEqual(schemaVerdict(input));
        if ('value' in verdict) accepted++;
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(2_500);
  });

  it('returns what BotEventSchema returns: the same event or the same issues', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: event }, { weight: 1, arbitrary: anyValue }), (input) => {
        expect(checkBotEvent(input)).toStrictEqual(schemaVerdict(input));
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts a rees46 row, with ids kept as strings and price as a number', () => {
    const row = {
      event_time: '2019-11-01 00:00:00 UTC',
      event_type: 'view',
      product_id: '1003461',
      category_id: '2053013555631882655',
      category_code: 'electronics.smartphone',
      brand: 'xiaomi',
      price: '489.07',
      user_id: 520088904,
      user_session: '4d3b30da-a5e4-49df-b1a8-ba5943f1dd33',
    };
    expect(checkBotEvent(row)).toStrictEqual(schemaVerdict(row));
    expect(checkBotEvent(row)).toMatchObject({ value: { user_id: '520088904', price: 489.07 } });
  });

  it('names each bad field, in the schema order', () => {
    const verdict = checkBotEvent({ event_type: 'click', price: 'abc', product_id: '  ' });
    expect(verdict).toStrictEqual(schemaVerdict({ event_type: 'click', price: 'abc', product_id: '  ' }));
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
