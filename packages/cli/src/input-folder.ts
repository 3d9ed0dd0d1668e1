import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach } from 'vitest';

/** A temporary folder for one CLI test and the input file written into it. */
export interface InputFolder {
  readonly dir: string;
  readonly input: string;
}

/**
 * Writes `contents` as `name` in a fresh temporary folder before each test of the calling file, or
 * once for the whole file (`fresh: 'per-file'`), for tests that only read it.
 *
 * @example
 * const files = inputFolder('sluice-orders-', 'orders.csv', csv);
 * it('filters', async () => { await sluice('orders', 'filter', '--input', files.input, …); });
 */
export function inputFolder(
  prefix: string,
  name: string,
  contents: string | Uint8Array,
  fresh: 'per-test' | 'per-file' = 'per-test',
): InputFolder {
  const folder = { dir: '', input: '' };
  (fresh === 'per-test' ? beforeEach : beforeAll)(async () => {
    folder.dir = await mkdtemp(join(tmpdir(), prefix));
    folder.input = join(folder.dir, name);
    await writeFile(folder.input, contents);
  });
  return folder;
}
