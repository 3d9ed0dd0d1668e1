import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeNotifier } from '../notify/notifier-contract.js';
import { JsonLinesNotifier } from './json-lines-notifier.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-notifier-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JsonLinesNotifier', () => {
  it('appends one JSON line per notification, so a later run sees what earlier runs sent', async () => {
    const path = join(dir, 'out', 'notifications.jsonl');
    await new JsonLinesNotifier(path).publish([{ subject: 'Large order', message: '{"id":"TX-1"}' }]);
    await new JsonLinesNotifier(path).publish([{ message: 'inventory TX-2', attributes: { total: 12.5 } }]);
    expect(await new JsonLinesNotifier(path).sent()).toEqual([
      { subject: 'Large order', message: '{"id":"TX-1"}' },
      { message: 'inventory TX-2', attributes: { total: 12.5 } },
    ]);
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(3);
  });

  it('rejects what SNS would refuse and repairs subjects the way SNS needs', async () => {
    const notifier = new JsonLinesNotifier(join(dir, 'n.jsonl'));
    const report = await notifier.publish([{ message: '' }, { subject: 'two\nlines', message: 'ok' }]);
    expect(report.sent).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([[0, 'empty-message']]);
    expect(await notifier.sent()).toEqual([{ subject: 'two lines', message: 'ok' }]);
  });

  it('drops an id it wrote in an earlier run: it reads the file back, as a FIFO topic dedups', async () => {
    const path = join(dir, 'n.jsonl');
    const note = { message: 'inventory TX-1', id: 'TX-1-inventory' };
    expect((await new JsonLinesNotifier(path).publish([note, note])).sent).toBe(2);
    const rerun = new JsonLinesNotifier(path);
    expect(await rerun.publish([note, { message: 'inventory TX-2', id: 'TX-2-inventory' }])).toEqual({
      sent: 2,
      retried: 0,
      rejected: [],
      failed: [],
    });
    expect((await rerun.sent()).map((n) => n.id)).toEqual(['TX-1-inventory', 'TX-2-inventory']);
  });

  it('treats a last line cut short by a crash as never sent, and sends it whole', async () => {
    const path = join(dir, 'n.jsonl');
    const note = { message: 'inventory TX-1', id: 'TX-1-inventory' };
    await new JsonLinesNotifier(path).publish([{ message: 'first', id: 'n-0' }]);
    await appendFile(path, JSON.stringify(note).slice(0, 20)); // killed mid-write
    const rerun = new JsonLinesNotifier(path);
    expect(await rerun.sent()).toEqual([{ message: 'first', id: 'n-0' }]);
    await rerun.publish([note]);
    expect(await readFile(path, 'utf8')).toBe(
      `${JSON.stringify({ message: 'first', id: 'n-0' })}\n${JSON.stringify(note)}\n`,
    );
  });

  it('without durable, writes in blocks: everything is in the file once closed, each id once', async () => {
    const path = join(dir, 'n.jsonl');
    const notifier = new JsonLinesNotifier(path, { durable: false });
    for (let i = 0; i < 3000; i++)
      await notifier.publish([{ message: `inventory TX-${i}`, id: `n-${i % 2000}` }]);
    expect((await notifier.sent()).map((n) => n.id)).toHaveLength(2000);
    await notifier.close();
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(2001);
  });

  it('finds each id it sent among thousands, written or not yet, past lines of any script', async () => {
    const path = join(dir, 'n.jsonl');
    const batch = (from: number) =>
      Array.from({ length: 1500 }, (_, i) => ({ id: `n-${from + i}`, message: `Évry ☕ ${from + i}` }));
    const first = new JsonLinesNotifier(path, { durable: false });
    await first.publish(batch(0));
    await first.publish(batch(1000));
    await first.close();
    const second = new JsonLinesNotifier(path, { durable: false });
    expect((await second.publish(batch(2000))).sent).toBe(1500);
    await second.publish(batch(0));
    const ids = (await second.sent()).map((n) => n.id);
    expect(ids).toHaveLength(3500);
    expect(new Set(ids).size).toBe(3500);
    await second.close();
  });

  it('has sent nothing before the first publish', async () => {
    expect(await new JsonLinesNotifier(join(dir, 'never.jsonl')).sent()).toEqual([]);
  });
});

describeNotifier('JSON Lines file', async () => {
  const notifier = new JsonLinesNotifier(join(dir, 'contract.jsonl'));
  return { notifier, read: async () => (await notifier.sent()).map((n) => n.message) };
});
