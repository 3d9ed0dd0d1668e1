import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCreateTableDdl } from './athena-ddl.js';
import { athenaColumnNames } from './column-names.js';
import { columnsOf } from './fixtures/columns.js';
import { inferSchema } from './infer-schema.js';
import { defineTable } from './table-definition.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('inferSchema', () => {
  it('infers Athena-safe names and types from a CSV sample with a BOM, CRLF, padded headers and gaps', () => {
    const schema = inferSchema(fixture('customers-bom-crlf-padded-headers.csv'));
    expect(schema.columns).toEqual(
      columnsOf(
        'customer_id:bigint purchase_amount:double signup_date:date last_seen:timestamp is_member:boolean zip:string note:string note_2:string',
      ),
    );
    expect(schema.sourceNames[1]).toBe(' Purchase_Amount ');
  });

  it('types money-like columns as decimal when asked, wide enough for every value', () => {
    const { columns } = inferSchema('price,qty\n19.99,1\n1234.5,2\n', { numbers: 'decimal' });
    expect(columns).toEqual(columnsOf('price:decimal(8,2) qty:bigint'));
  });

  it('infers from JSON objects: integers, doubles, nested arrays and objects, null ignored, mixed as string', () => {
    const { columns } = inferSchema([
      {
        element_clicked: 'drink_3',
        time_spent: 14,
        ratio: 0.5,
        created_at: '2022-09-11 23:00:00',
        tags: ['a'],
        item: { n: 3 },
      },
      {
        element_clicked: 'food_1',
        time_spent: null,
        ratio: 2,
        created_at: '2022-09-11 23:05:00',
        tags: [],
        id: 'x',
      },
      { element_clicked: 'food_2', time_spent: 3, ratio: 1.25, created_at: 'yesterday', id: 5 },
    ]);
    expect(columns).toEqual(
      columnsOf(
        'element_clicked:string time_spent:bigint ratio:double created_at:string tags:array<string> item:struct<n:bigint> id:string',
      ),
    );
  });

  it('produces columns defineTable accepts', () => {
    const { columns } = inferSchema(fixture('customers-bom-crlf-padded-headers.csv'));
    expect(() =>
      defineTable({ name: 'customers', format: 'csv', location: 's3://b/c/', columns }),
    ).not.toThrow();
  });

  it('keeps ids with leading zeros and impossible dates as strings', () => {
    const { columns } = inferSchema('code,day\n007,2025-02-30\n012,2025-01-01\n');
    expect(columns.map((c) => c.type)).toEqual(['string', 'string']);
  });
});

describe('inferSchema: integers keep every digit', () => {
  const typeOf = (value: string) => inferSchema(`id\n${value}\n`).columns[0]?.type;

  it.each([
    ['9007199254740992', 'bigint'], // 2^53
    ['9007199254740993', 'bigint'], // 2^53 + 1, which a double rounds
    ['2053013555631882655', 'bigint'], // rees46 category_id
    ['9223372036854775807', 'bigint'], // 2^63 − 1
    ['-9223372036854775808', 'bigint'], // −2^63
    ['9223372036854775808', 'decimal(38,0)'], // 2^63
    ['-9223372036854775809', 'decimal(38,0)'],
    ['99999999999999999999999999999999999999', 'decimal(38,0)'], // 38 digits
    ['100000000000000000000000000000000000000', 'string'], // 39 digits
    ['007', 'string'],
    ['-007', 'string'],
    ['-42', 'bigint'],
  ])('types %s as %s', (value, type) => {
    expect(typeOf(value)).toBe(type);
  });

  it('widens a bigint column holding one value past 2^63 to decimal(38,0), never double', () => {
    expect(typeOf('1\n18446744073709551615')).toBe('decimal(38,0)');
    expect(typeOf('18446744073709551615\n1.5')).toBe('string');
  });

  it('types JSON integers (bigint or number past 2^53) as integers', () => {
    const { columns } = inferSchema([{ a: 2n ** 63n, b: Number('2053013555631882655'), c: 2 ** 63 }]);
    expect(columns.map((c) => c.type)).toEqual(['decimal(38,0)', 'bigint', 'decimal(38,0)']);
  });

  it('renders the inferred 19-digit id as bigint in Athena DDL', () => {
    const { columns } = inferSchema('category_id,code\n2053013555631882655,007\n');
    const ddl = toCreateTableDdl(
      defineTable({ name: 'events', format: 'csv', location: 's3://b/e/', columns }),
    );
    expect(ddl).toContain('`category_id` bigint');
    expect(ddl).toContain('`code` string');
  });
});

describe('athenaColumnNames', () => {
  it('lower-cases, replaces non-alphanumerics, strips accents and deduplicates', () => {
    expect(athenaColumnNames(['Order ID', 'order-id', '', 'Évry Café', '2nd'])).toEqual([
      'order_id',
      'order_id_2',
      'col_3',
      'evry_cafe',
      '_2nd',
    ]);
  });
});
