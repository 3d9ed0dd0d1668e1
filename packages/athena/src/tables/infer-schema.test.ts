import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { athenaColumnNames } from './column-names.js';
import { inferSchema } from './infer-schema.js';
import { defineTable } from './table-definition.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('inferSchema', () => {
  it('infers Athena-safe names and types from a CSV sample with a BOM, CRLF, padded headers and gaps', () => {
    const schema = inferSchema(fixture('customers-bom-crlf-padded-headers.csv'));
    expect(schema.columns).toEqual([
      { name: 'customer_id', type: 'bigint' },
      { name: 'purchase_amount', type: 'double' },
      { name: 'signup_date', type: 'date' },
      { name: 'last_seen', type: 'timestamp' },
      { name: 'is_member', type: 'boolean' },
      { name: 'zip', type: 'string' },
      { name: 'note', type: 'string' },
      { name: 'note_2', type: 'string' },
    ]);
    expect(schema.sourceNames[1]).toBe(' Purchase_Amount ');
  });

  it('types money-like columns as decimal when asked, wide enough for every value', () => {
    const { columns } = inferSchema('price,qty\n19.99,1\n1234.5,2\n', { numbers: 'decimal' });
    expect(columns).toEqual([
      { name: 'price', type: 'decimal(8,2)' },
      { name: 'qty', type: 'bigint' },
    ]);
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
    expect(columns).toEqual([
      { name: 'element_clicked', type: 'string' },
      { name: 'time_spent', type: 'bigint' },
      { name: 'ratio', type: 'double' },
      { name: 'created_at', type: 'string' },
      { name: 'tags', type: 'array<string>' },
      { name: 'item', type: 'struct<n:bigint>' },
      { name: 'id', type: 'string' },
    ]);
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
