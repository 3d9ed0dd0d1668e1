import { describe, expect, it } from 'vitest';
import type { FirehoseEventRecord } from '../lambda/firehose-event.js';
import { DeliveryStreamClosedError, DeliveryStreamOptionsError } from './errors.js';
import { FirehoseBuffer, type FlushTimers } from './firehose-buffer.js';

/** Timers the test fires by hand: no waiting on the wall clock. */
class ManualTimers implements FlushTimers {
  scheduled: { flush: () => void; ms: number; cleared: boolean }[] = [];
  setTimeout(flush: () => void, ms: number) {
    const timer = { flush, ms, cleared: false };
    this.scheduled.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown) {
    if (handle) (handle as { cleared: boolean }).cleared = true;
  }
  fire() {
    for (const timer of this.scheduled.filter((t) => !t.cleared)) {
      timer.cleared = true;
      timer.flush();
    }
  }
}

function collecting() {
  const batches: FirehoseEventRecord[][] = [];
  const deliver = async (records: FirehoseEventRecord[]) => void batches.push(records);
  const texts = () => batches.map((b) => b.map((r) => Buffer.from(r.data, 'base64').toString('utf8')));
  return { batches, deliver, texts };
}

const tenBytes = (n: number) => `record-${String(n).padStart(3, '0')}`;

describe('FirehoseBuffer', () => {
  it('cuts a batch when the buffered bytes reach the size hint, never above it', async () => {
    const { deliver, texts } = collecting();
    const buffer = new FirehoseBuffer('events', deliver, { sizeBytes: 25, timers: new ManualTimers() });
    await buffer.put([1, 2, 3, 4, 5].map(tenBytes));
    await buffer.flush();
    expect(texts()).toEqual([['record-001', 'record-002'], ['record-003', 'record-004'], ['record-005']]);
  });

  it('delivers a batch exactly at the size hint at once, without waiting for the timer', async () => {
    const { batches, deliver } = collecting();
    const buffer = new FirehoseBuffer('events', deliver, { sizeBytes: 20, timers: new ManualTimers() });
    await buffer.put([tenBytes(1), tenBytes(2)]);
    await buffer.put([]); // lets the queued delivery run
    expect(batches).toHaveLength(1);
  });

  it('delivers what is buffered when the interval elapses, and only then', async () => {
    const timers = new ManualTimers();
    const { batches, deliver, texts } = collecting();
    const buffer = new FirehoseBuffer('events', deliver, { intervalMs: 5_000, timers });
    await buffer.put([tenBytes(1)]);
    await buffer.put([tenBytes(2)]);
    expect(timers.scheduled.map((t) => t.ms)).toEqual([5_000]);
    await Promise.resolve();
    expect(batches).toHaveLength(0);
    timers.fire();
    await buffer.flush();
    expect(texts()).toEqual([['record-001', 'record-002']]);
    await buffer.put([tenBytes(3)]);
    expect(timers.scheduled).toHaveLength(2); // a new interval starts with the next first record
  });

  it('stamps records with increasing ids and the injected arrival clock', async () => {
    const { batches, deliver } = collecting();
    let now = 1_662_937_200_000;
    const buffer = new FirehoseBuffer('events', deliver, { now: () => now++, timers: new ManualTimers() });
    const ids = await buffer.put(['a', 'b']);
    await buffer.close();
    expect(batches[0]?.map((r) => [r.recordId, r.approximateArrivalTimestamp])).toEqual([
      [ids[0], 1_662_937_200_000],
      [ids[1], 1_662_937_200_001],
    ]);
    expect(ids[0] && ids[1] && ids[0] < ids[1]).toBe(true);
  });

  it('delivers the rest on close and refuses records afterwards', async () => {
    const { texts, deliver } = collecting();
    const buffer = new FirehoseBuffer('events', deliver, { timers: new ManualTimers() });
    await buffer.put(['last']);
    await buffer.close();
    expect(texts()).toEqual([['last']]);
    await expect(buffer.put(['late'])).rejects.toThrow(DeliveryStreamClosedError);
  });

  it('reports a failed delivery from flush instead of losing it silently', async () => {
    const buffer = new FirehoseBuffer('events', async () => Promise.reject(new Error('disk full')), {
      timers: new ManualTimers(),
    });
    await buffer.put(['x']);
    await expect(buffer.flush()).rejects.toThrow('disk full');
  });

  it('refuses a size hint above Firehose’s 3 MiB', () => {
    expect(() => new FirehoseBuffer('events', async () => {}, { sizeBytes: 4 * 1024 * 1024 })).toThrow(
      DeliveryStreamOptionsError,
    );
  });
});
