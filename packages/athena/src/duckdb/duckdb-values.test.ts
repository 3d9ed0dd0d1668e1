import { describe, expect, it } from 'vitest';
import { sqlDate } from '../define-query.js';
import { duckDbEngineForTests } from './fixtures/engine-for-tests.js';

describe('DuckDB values as the QueryEngine port decodes them', () => {
  const engine = duckDbEngineForTests();

  it('decodes every kind of value to the port conventions, with Athena type names', async () => {
    const { rows, columns } = await engine.execute(`SELECT
      42::BIGINT AS small, 9007199254740993::BIGINT AS big, 19.99::DECIMAL(10,2) AS price,
      DATE '2025-02-03' AS day, TIMESTAMP '2025-02-03 04:05:06.789' AS at, 1.5::DOUBLE AS ratio,
      [1, 2] AS list, {'n': 3, 'tag': 'a'} AS item, MAP {'k': 1} AS attrs, NULL::VARCHAR AS nothing,
      true AS flag, 'Mixed' AS "UpperCase"`);
    expect(rows).toEqual([
      {
        small: 42,
        big: 9007199254740993n,
        price: '19.99',
        day: '2025-02-03',
        at: new Date('2025-02-03T04:05:06.789Z'),
        ratio: 1.5,
        list: [1, 2],
        item: { n: 3, tag: 'a' },
        attrs: { k: 1 },
        nothing: null,
        flag: true,
        uppercase: 'Mixed',
      },
    ]);
    expect(columns.map((c) => c.type)).toEqual([
      'bigint',
      'bigint',
      'decimal(10,2)',
      'date',
      'timestamp',
      'double',
      'array(integer)',
      'row(n integer, tag varchar)',
      'map(varchar, integer)',
      'varchar',
      'boolean',
      'varchar',
    ]);
  });

  it('binds every param type without pasting it into the SQL', async () => {
    const params = [
      "it's",
      3,
      2.5,
      2n ** 60n,
      true,
      new Date('2025-01-02T03:04:05Z'),
      sqlDate('2025-01-31'),
      null,
    ];
    const { rows } = await engine.execute(
      'SELECT ? AS s, ? + 1 AS i, ? AS d, ? AS b, ? AS f, ? AS ts, ? + 1 AS day, ? AS n',
      params,
    );
    expect(rows).toEqual([
      {
        s: "it's",
        i: 4,
        d: 2.5,
        b: 2n ** 60n,
        f: true,
        ts: new Date('2025-01-02T03:04:05Z'),
        day: '2025-02-01',
        n: null,
      },
    ]);
  });
});
