import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAthenaEngine } from '@sluice/athena/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

describe('sluice athena serve', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-athena-serve-'));
    await writeFile(
      join(dir, 'orders.csv'),
      '\uFEFFOrderID,Status,Amount\r\nO1,shipped,10.5\r\n\r\nO2,pending,7\r\nO3,shipped,4\r\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the tables to the Athena backend until Ctrl-C, results written under --output', async () => {
    const stderr: string[] = [];
    const io = { stdout: () => {}, stderr: (line: string) => stderr.push(line) };
    const argv = ['athena', 'serve', '--port', '0', '--table', `orders=${join(dir, 'orders.csv')}`];
    const running = main([...argv, '--output', join(dir, 'results')], io);
    await expect
      .poll(() => stderr.join('\n'), { timeout: 20_000 })
      .toMatch(/athena on http:\/\/127\.0\.0\.1:\d+/);
    const endpoint = /http:\/\/127\.0\.0\.1:\d+/.exec(stderr.join('\n'))?.[0] as string;
    const engine = createAthenaEngine({
      client: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } },
      outputLocation: 's3://results/serve/',
      pollBaseDelayMs: 1,
    });
    const sql = 'SELECT status, count(*) AS n FROM orders WHERE amount > ? GROUP BY status ORDER BY status';
    const { rows } = await engine.execute(sql, [5]);
    expect(rows).toEqual([
      { status: 'pending', n: 1 },
      { status: 'shipped', n: 1 },
    ]);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(
      (await readdir(join(dir, 'results', 'results', 'serve'))).some((f) => f.endsWith('.csv.metadata')),
    ).toBe(true);
  });
});
