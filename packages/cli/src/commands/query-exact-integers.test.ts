import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sluice } from '../run-in-process.js';

// rees46 ids have 19 digits: past 2^53 a double rounds them (2053013555631882655 → …882800).
const IDS = [
  ['9007199254740992', 'at 2^53'],
  ['9007199254740993', 'past 2^53'],
  ['2053013555631882655', 'rees46 category_id'],
  ['9223372036854775807', 'bigint max'],
  ['-9223372036854775808', 'bigint min'],
] as const;

describe('sluice query keeps integers exact', () => {
  let dir: string;
  const run = (file: string, sql: string) => sluice('query', '--table', `t=${join(dir, file)}`, '--sql', sql);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-query-ints-'));
    const rows = IDS.map(([id, note]) => `${id},${note},007`);
    await writeFile(join(dir, 'ids.csv'), `category_id,note,code\n${rows.join('\n')}\n`);
    await writeFile(join(dir, 'wide.csv'), 'id\n1\n9223372036854775808\n');
    await writeFile(join(dir, 'ids.jsonl'), '{"category_id":2053013555631882655}\n');
  });

  it('prints bigint values beyond 2^53 as exact strings and keeps leading zeros', async () => {
    const result = await run('ids.csv', 'SELECT category_id, code FROM t');
    expect(result.code).toBe(0);
    expect(result.result?.rows).toEqual(
      IDS.map(([id]) => ({
        category_id: Number.isSafeInteger(Number(id)) ? Number(id) : id,
        code: '007',
      })),
    );
  });

  it('types a column with a value past 2^63−1 as decimal(38,0), printed exactly', async () => {
    const result = await run('wide.csv', 'SELECT id FROM t ORDER BY id');
    expect(result.result?.rows).toEqual([{ id: '1' }, { id: '9223372036854775808' }]);
  });

  it('reads a 19-digit JSON Lines integer exactly', async () => {
    const result = await run('ids.jsonl', 'SELECT category_id, category_id + 1 AS next FROM t');
    expect(result.result?.rows).toEqual([
      { category_id: '2053013555631882655', next: '2053013555631882656' },
    ]);
  });
});
