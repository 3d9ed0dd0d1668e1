import { describe, expect, it } from 'vitest';
import type { Rejection } from '../outcome/outcome.js';
import { MemoryObjectStore } from './memory/memory-object-store.js';
import { readText } from './object-store.js';
import { QuarantineFile } from './quarantine-file.js';

const rejection = (line: number): Rejection => ({
  reason: 'invalid-date',
  message: `o.csv:${line}: bad`,
  position: { kind: 'file', file: 'o.csv', line },
});

describe('QuarantineFile', () => {
  it('writes what each hand-over passes on, then the late entries, and counts them', async () => {
    const store = new MemoryObjectStore();
    const quarantine = new QuarantineFile(store, 'quarantine/o.jsonl');
    quarantine.add(rejection(2));
    await quarantine.handOver();
    quarantine.add(rejection(5));
    expect(await quarantine.finish([rejection(9)])).toBe(3);
    const lines = (await readText(store, 'quarantine/o.jsonl')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as Rejection).message)).toEqual([
      'o.csv:2: bad',
      'o.csv:5: bad',
      'o.csv:9: bad',
    ]);
  });

  it('leaves an empty object when nothing was rejected, so a rerun replaces older entries', async () => {
    const store = new MemoryObjectStore();
    await store.put('quarantine/o.jsonl', `${JSON.stringify(rejection(3))}\n`);
    expect(await new QuarantineFile(store, 'quarantine/o.jsonl').finish([])).toBe(0);
    expect(await readText(store, 'quarantine/o.jsonl')).toBe('');
  });

  it('writes nothing before the first hand-over', async () => {
    const store = new MemoryObjectStore();
    new QuarantineFile(store, 'quarantine/o.jsonl').add(rejection(2));
    expect(await store.head('quarantine/o.jsonl')).toBeUndefined();
  });

  it('reports a failed write from finish, and a hand-over after it does not wait', async () => {
    const store = new MemoryObjectStore();
    store.put = async () => {
      throw new Error('disk full');
    };
    const quarantine = new QuarantineFile(store, 'quarantine/o.jsonl');
    for (let line = 0; line < 3000; line++) quarantine.add(rejection(line));
    await expect(quarantine.handOver()).rejects.toThrow('disk full');
    await expect(quarantine.finish([])).rejects.toThrow('disk full');
  });
});
