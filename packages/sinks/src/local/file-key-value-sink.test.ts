import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeySchema } from '../dynamodb/batch-plan.js';
import { describeKeyValueSink } from '../dynamodb/key-value-sink-contract.js';
import { FileKeyValueSink } from './file-key-value-sink.js';

const tables = new Map<string, FileKeyValueSink>();
afterAll(() => Promise.all([...tables.values()].map((sink) => sink.close())));

// One store per table, as a DynamoDB table outlives the sink objects that write to it. One hot item:
// every read but the latest write's goes to the file.
describeKeyValueSink('file', (table: KeySchema) => {
  const existing = tables.get(table.tableName);
  if (existing) return existing;
  const created = new FileKeyValueSink({ ...table, hotItems: 1 });
  tables.set(table.tableName, created);
  return created;
});

const schema = { tableName: 'orders', partitionKey: 'id' };

describe('FileKeyValueSink', () => {
  it('scans every item once, at its latest content, however often it was written', async () => {
    const sink = new FileKeyValueSink({ ...schema, hotItems: 3 });
    for (let i = 0; i < 50; i++) await sink.putIfAbsent({ id: `o-${i}`, state: 'open', note: 'é'.repeat(i) });
    for (let i = 0; i < 50; i += 2) {
      const update = {
        when: [{ path: ['state'], value: 'open' }],
        set: [{ path: ['state'], value: 'shut' }],
      } as const;
      expect(await sink.updateIf({ id: `o-${i}` }, update)).toBe('updated');
    }
    await sink.writeBatch([{ id: 'o-1', state: 'batch', bytes: new Uint8Array([1, 2]) }]);
    const items = [...sink.scan()];
    expect(items.map((item) => item.id).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `o-${i}`).sort(),
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('o-4')).toMatchObject({ state: 'shut', note: 'éééé' });
    expect(byId.get('o-3')).toMatchObject({ state: 'open' });
    expect(byId.get('o-1')).toEqual({ id: 'o-1', state: 'batch', bytes: new Uint8Array([1, 2]) });
    await sink.close();
  });

  it('keeps an item whose JSON is longer than its blocks (control characters escape to 6 bytes)', async () => {
    const sink = new FileKeyValueSink({ ...schema, hotItems: 1 });
    const long = { id: 'long', note: '\u0001'.repeat(300_000) };
    await sink.putIfAbsent({ id: 'before' });
    await sink.putIfAbsent(long);
    await sink.putIfAbsent({ id: 'after' });
    expect(await sink.get({ id: 'long' })).toMatchObject(long);
    expect([...sink.scan()].map((item) => item.id)).toEqual(['before', 'long', 'after']);
    await sink.close();
  });

  it('hands out copies: changing what it returned or was given leaves the table as it was', async () => {
    const sink = new FileKeyValueSink({ ...schema, hotItems: 2 });
    const item = { id: 'o-1', notification: { status: 'pending' } };
    await sink.putIfAbsent(item);
    item.notification.status = 'changed';
    const read = await sink.get({ id: 'o-1' });
    (read?.notification as { status: string }).status = 'changed too';
    expect(await sink.get({ id: 'o-1' })).toMatchObject({ notification: { status: 'pending' } });
    await sink.close();
  });

  it('keeps its items in the file it is given and removes it on close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-sink-'));
    const sink = new FileKeyValueSink({ ...schema, path: join(dir, 'orders.jsonl'), hotItems: 1 });
    await sink.putIfAbsent({ id: 'a' });
    await sink.putIfAbsent({ id: 'b' });
    expect([...sink.scan()]).toHaveLength(2);
    expect(await readdir(dir)).toEqual(['orders.jsonl']);
    await sink.close();
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true });
  });
});
