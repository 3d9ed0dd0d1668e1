import {
  ConfigurationError,
  type KinesisEvent,
  MemoryObjectStore,
  type ObjectBody,
  type PutOptions,
  readText,
} from '@sluice/core';
import { kinesisEvent } from '@sluice/core/testing';
import { MemoryKeyValueSink } from '@sluice/sinks/local';
import { MemoryNotifier } from '@sluice/sinks/notify';
import { describe, expect, it } from 'vitest';
import { DETECTIONS_TABLE, KEYS } from '../layout.js';
import { detectBotsHandler } from './detect-bots.js';

const SHARD = 'shardId-000000000000';
let sequence = 0;

/** A Lambda Kinesis event carrying rees46 rows as JSON, as the seed's simulator put them. */
function eventOf(rows: Record<string, string>[]): KinesisEvent {
  const record = (row: Record<string, string>) => ({
    data: row,
    partitionKey: row.user_id ?? 'x',
    sequenceNumber: String(++sequence).padStart(20, '0'),
    arrivedAt: 1_572_566_400_000,
  });
  return kinesisEvent(rows.map(record), { streamName: 'events' });
}

const row = (second: number, user: string, event_type = 'view') => ({
  event_time: `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC`,
  event_type,
  product_id: '1003461',
  category_id: '2053013555631882655',
  category_code: 'electronics.smartphone',
  brand: 'xiaomi',
  price: '489.07',
  user_id: user,
  user_session: `s-${user}`,
});

/** A store whose next `crashes` writes of detector state land, then the invocation dies. */
class CrashAfterStateSave extends MemoryObjectStore {
  crashes = 0;

  override async put(key: string, body: ObjectBody, options?: PutOptions) {
    const info = await super.put(key, body, options);
    if (key.startsWith(KEYS.detectorState) && this.crashes > 0) {
      this.crashes--;
      throw new Error('invocation died after saving the state');
    }
    return info;
  }
}

function deps() {
  const lines: string[] = [];
  return {
    env: { WINDOW_MS: '10000', ALERT_THRESHOLD: '10' },
    store: new CrashAfterStateSave(),
    table: new MemoryKeyValueSink(DETECTIONS_TABLE),
    notifier: new MemoryNotifier(),
    metrics: (line: string) => void lines.push(line),
    lines,
  };
}

describe('detect-bots handler', () => {
  it('carries window counts between invocations through the shard state', async () => {
    const d = deps();
    const handler = await detectBotsHandler(d);
    const burst = Array.from({ length: 12 }, (_, i) => row(Math.floor(i / 2), '600000001'));
    expect(await handler(eventOf(burst.slice(0, 6)))).toEqual({ batchItemFailures: [] });
    await handler(eventOf(burst.slice(6)));
    expect(d.table.items).toEqual([]);
    await handler(eventOf([row(45, '500000002')])); // moves the watermark past the window
    expect(d.table.items).toMatchObject([
      { key: '600000001', windowStart: 1_572_566_400_000, count: 12, severity: 'high', published: true },
    ]);
    expect(d.notifier.sent).toHaveLength(1);
    expect(d.lines).toHaveLength(1);
  });

  it('counts a batch delivered twice once: 6 events, not 12, and no high alert', async () => {
    const d = deps();
    const handler = await detectBotsHandler(d);
    const batch = eventOf(Array.from({ length: 6 }, (_, i) => row(i, '600000001')));
    await handler(batch);
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    await handler(eventOf([row(45, '500000002')]));
    expect(d.table.items).toMatchObject([{ key: '600000001', count: 6, severity: 'flag' }]);
    expect(d.notifier.sent).toEqual([]);
  });

  it('skips a batch redelivered after the invocation died with its state saved', async () => {
    const d = deps();
    const handler = await detectBotsHandler(d);
    const burst = Array.from({ length: 12 }, (_, i) => row(Math.floor(i / 2), '600000001'));
    const [first, second] = [eventOf(burst.slice(0, 6)), eventOf(burst.slice(6))];
    await handler(first);
    d.store.crashes = 1;
    await expect(handler(second)).rejects.toThrow(/died after saving/);
    await handler(second); // Lambda retries the batch: every record is at or below the checkpoint
    await handler(first); // and an older batch replayed from an earlier position changes nothing either
    await handler(eventOf([row(45, '500000002')]));
    expect(d.table.items).toMatchObject([{ key: '600000001', count: 12, severity: 'high' }]);
    expect(d.notifier.sent).toHaveLength(1);
  });

  it('quarantines an event dated 2099 at the head of the stream and still finds the burst after it', async () => {
    const d = deps();
    const handler = await detectBotsHandler(d);
    const poisoned = { ...row(0, '700000001'), event_time: '2099-01-01 00:00:00 UTC' };
    const burst = Array.from({ length: 12 }, (_, i) => row(Math.floor(i / 2), '600000001'));
    const event = eventOf([poisoned, ...burst]);
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    await handler(eventOf([row(45, '500000002')]));
    expect(d.table.items).toMatchObject([{ key: '600000001', count: 12, severity: 'high' }]);
    const head = event.Records[0]?.kinesis.sequenceNumber;
    const [rejection] = (await readText(d.store, `${KEYS.streamQuarantine}${SHARD}-${head}.jsonl`))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rejection).toMatchObject({
      reason: 'future-event',
      position: { kind: 'stream', sequenceNumber: head, partitionKey: '700000001' },
    });
    expect(rejection.message).toContain('2099-01-01T00:00:00.000Z');
  });

  it('quarantines unreadable records under the batch id and acknowledges them', async () => {
    const d = deps();
    const handler = await detectBotsHandler(d);
    const event = eventOf([row(1, '500000001'), row(2, '500000001', 'click')]);
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    const first = event.Records[0]?.kinesis.sequenceNumber;
    const quarantine = await readText(d.store, `${KEYS.streamQuarantine}${SHARD}-${first}.jsonl`);
    expect(quarantine).toContain('event_type');
  });

  it('refuses a bad setting, naming the variable', async () => {
    const d = deps();
    await expect(detectBotsHandler({ ...d, env: { WINDOW_MS: '10s' } })).rejects.toThrow(ConfigurationError);
    await expect(detectBotsHandler({ ...d, env: { WINDOW_MS: '10s' } })).rejects.toThrow(/WINDOW_MS/);
  });

  it.each([
    [
      { WINDOW_MS: '60000', SLIDE_MS: '1' },
      /^environment variable SLIDE_MS is out of range: slideMs must be an integer in \[60, 60000\]/,
    ],
    [
      { MAX_FUTURE_MS: '0' },
      /^environment variable MAX_FUTURE_MS is out of range: maxFutureMs must be an integer in \[1000, /,
    ],
    [
      { JUMP_CONFIRMATIONS: '0' },
      /^environment variable JUMP_CONFIRMATIONS is out of range: jumpConfirmations must be an integer in \[1, 1000\]/,
    ],
  ])('refuses a setting out of range, naming the variable and the range: %j', async (env, message) => {
    await expect(detectBotsHandler({ ...deps(), env })).rejects.toThrow(message);
  });

  it('needs TABLE_NAME when no table is injected', async () => {
    const { table: _table, ...rest } = deps();
    await expect(detectBotsHandler(rest)).rejects.toThrow(/TABLE_NAME is required/);
  });
});
