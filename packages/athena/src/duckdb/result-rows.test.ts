import { describe, expect, it } from 'vitest';
import { duckDbEngineForTests } from './fixtures/engine-for-tests.js';

describe('DuckDB results decoded chunk by chunk', () => {
  const engine = duckDbEngineForTests();

  it('returns every row in order, with NULLs and bigints, across several 2048-row chunks', async () => {
    const { rows } =
      await engine.execute(`SELECT i AS "Id", CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS label,
      CASE WHEN i = 4500 THEN 9007199254740993 ELSE i END::BIGINT AS n
      FROM range(5000) t(i) ORDER BY i`);
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toEqual({ id: 0, label: null, n: 0 });
    expect(rows[2050]).toEqual({ id: 2050, label: 'v2050', n: 2050 });
    expect(rows[4500]).toEqual({ id: 4500, label: null, n: 9007199254740993n });
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
