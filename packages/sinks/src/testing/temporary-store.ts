import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@sluice/core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** A LocalObjectStore over a temporary folder; `root` is that folder, for readers that take paths. */
export interface TemporaryStore {
  readonly root: string;
  readonly store: LocalObjectStore;
}

/**
 * Gives the tests of the calling file a LocalObjectStore over a fresh temporary folder, removed
 * afterwards: one for the whole file, or a new one for each test (`fresh: 'per-test'`).
 *
 * @example
 * const local = temporaryStore('sluice-formats-');
 * it('writes', async () => { await writeCsv(local.store, 'a.csv', rows); });
 */
export function temporaryStore(prefix: string, fresh: 'per-file' | 'per-test' = 'per-file'): TemporaryStore {
  let root = '';
  let store: LocalObjectStore | undefined;
  const [before, after] = fresh === 'per-test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
    store = new LocalObjectStore(root);
  });
  after(() => rm(root, { recursive: true, force: true }));
  return {
    get root() {
      return root;
    },
    get store() {
      if (!store) throw new Error('temporaryStore: the store exists only while the tests run');
      return store;
    },
  };
}
