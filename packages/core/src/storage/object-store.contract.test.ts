import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeObjectStoreContract } from '../testing/object-store-contract.js';
import { InvalidObjectKeyError } from './errors.js';
import { LocalObjectStore } from './local/local-object-store.js';
import { MemoryObjectStore } from './memory/memory-object-store.js';

describeObjectStoreContract('MemoryObjectStore', async () => ({ store: new MemoryObjectStore() }));

describeObjectStoreContract('LocalObjectStore', async () => {
  const root = await mkdtemp(join(tmpdir(), 'sluice-store-'));
  return { store: new LocalObjectStore(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('LocalObjectStore', () => {
  it('refuses keys that would escape its directory', async () => {
    const store = new LocalObjectStore(await mkdtemp(join(tmpdir(), 'sluice-store-')));
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '']) {
      await expect(store.put(key, 'x')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
  });

  it('cleans up its staging file after a failed write', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sluice-store-'));
    const store = new LocalObjectStore(root);
    const failing = (async function* () {
      yield new Uint8Array(10);
      throw new Error('boom');
    })();
    await expect(store.put('x/y', failing)).rejects.toThrow('boom');
    expect(await readdir(join(root, '.sluice-staging'))).toEqual([]);
  });
});
