import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ordersCsv, writeLines } from '@sluice/datagen';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeTask, pythonTask, runOnce } from './harness.js';

const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stale-order benchmark variants', () => {
  it('write byte-identical outputs and agree on the kept count', async () => {
    const input = join(dir, 'orders.csv');
    await writeLines(input, ordersCsv({ rows: 3000, seed: 7, dirty: 0 }), { progress: false });
    const args = (name: string) => [input, join(dir, `${name}.csv`), '2025-06-30', '30'];
    const fast = await runOnce(nodeTask('orders-sluice.ts', 'fast', ...args('fast')));
    await runOnce(nodeTask('orders-sluice.ts', 'general', ...args('general')));
    await runOnce(nodeTask('orders-duckdb.ts', ...args('duckdb')));
    await runOnce(pythonTask('orders_python.py', ...args('python')));
    const outputs = await Promise.all(
      ['fast', 'general', 'duckdb', 'python'].map((n) => readFile(join(dir, `${n}.csv`))),
    );
    for (const output of outputs) expect(output.equals(outputs[0] as Buffer)).toBe(true);
    const lines = (outputs[0] as Buffer).toString().split('\n').length - 2; // header and final newline
    expect(fast.output).toMatchObject({ read: 3000, kept: lines, rejected: {} });
  });
});
