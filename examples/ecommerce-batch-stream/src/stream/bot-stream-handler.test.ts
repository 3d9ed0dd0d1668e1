import type { KinesisEvent } from '@sluice/core/lambda';
import { kinesisEvent } from '@sluice/core/testing';
import { MemoryKeyValueSink } from '@sluice/sinks/local';
import { MemoryNotifier } from '@sluice/sinks/notify';
import type { BotDetectorOptions, BotDetectorState } from '@sluice/transforms/bots';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTIONS_TABLE } from '../layout.js';
import { botStreamHandler } from './bot-stream-handler.js';
import { closeWindows } from './close-windows.js';
import { DetectionPublisher } from './detection-publisher.js';
import { MemoryDetectorStates } from './detector-states.js';

// At-least-once delivery as Kinesis and Lambda give it: batches cut anywhere, repeated, overlapping,
// and replayed from an earlier point after an invocation died (before or after saving its state).
// The table, the alerts and the detector's tally must be those of one clean pass.

const SHARD = 'shardId-000000000000';
const T0 = Date.UTC(2019, 10, 1);
const OPTIONS: BotDetectorOptions = {
  flagThreshold: 1,
  alertThreshold: 3,
  maxFutureMs: 600_000,
  clock: () => Date.UTC(2020, 0, 1),
};

/** 56 digits like a real sequence number: far past 2^53, so only a big-integer comparison orders them. */
const sequenceNumber = (i: number) => `4959${String(i).padStart(52, '0')}`;

function eventOf(rows: readonly object[], from: number): KinesisEvent {
  const record = (row: object, i: number) => ({
    data: row as Record<string, unknown>,
    partitionKey: 'k',
    sequenceNumber: sequenceNumber(from + i),
    arrivedAt: T0,
  });
  return kinesisEvent(rows.map(record), { streamName: 'events' });
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
const row = (user: string, time: number) => ({
  event_time: iso(time),
  event_type: 'view',
  product_id: '1',
  category_id: '2',
  price: '1.00',
  user_id: user,
});

/** Mostly advancing, some late, some unreadable, a few dated far ahead and one outage jump of 2 h. */
const stream = fc
  .array(
    fc.record({
      user: fc.constantFrom('a', 'b', 'c'),
      step: fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: -12_000, max: 3_000 }) },
        { weight: 1, arbitrary: fc.constantFrom('future', 'jump', 'junk') },
      ),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((steps) => {
    let clock = T0;
    return steps.map(({ user, step }) => {
      if (step === 'junk') return { user_id: user, event_time: 'soon' };
      if (step === 'future') return row(user, Date.UTC(2099, 0, 1));
      if (step === 'jump') clock += 7_200_000;
      else clock += Math.max(step, 0);
      return row(user, clock + Math.min(typeof step === 'number' ? step : 0, 0));
    });
  });

/** One delivery: back up to `back` records before the consumer's position, `size` records, maybe dying. */
const delivery = fc.record({
  back: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 })),
  size: fc.integer({ min: 1, max: 9 }),
  crash: fc.constantFrom('none', 'none', 'before-save', 'after-save'),
});

type Crash = 'none' | 'before-save' | 'after-save';

/** Detector states that can die on the next save, before or after the write lands. */
class CrashingStates extends MemoryDetectorStates {
  crash: Crash = 'none';

  override async save(shard: string, state: BotDetectorState): Promise<void> {
    const crash = this.crash;
    this.crash = 'none';
    if (crash === 'before-save') throw new Error('died before saving');
    await super.save(shard, state);
    if (crash === 'after-save') throw new Error('died after saving');
  }
}

async function run(rows: readonly object[], deliveries: { back: number; size: number; crash: Crash }[]) {
  const states = new CrashingStates();
  const table = new MemoryKeyValueSink(DETECTIONS_TABLE);
  const notifier = new MemoryNotifier();
  const publisher = new DetectionPublisher({ table, notifier, metrics: () => {} });
  const handler = botStreamHandler({ states, publisher, detector: OPTIONS, quarantine: async () => {} });
  let position = 0; // where Lambda's own checkpoint stands: it moves only when a batch succeeds
  const deliver = async (start: number, end: number, crash: Crash) => {
    states.crash = crash;
    const ok = await handler(eventOf(rows.slice(start, end), start)).then(
      () => true,
      () => false,
    );
    states.crash = 'none'; // an empty batch saves nothing, so its crash never came
    if (ok) position = Math.max(position, end);
  };
  for (const { back, size, crash } of deliveries) {
    const start = Math.max(0, position - back);
    await deliver(start, Math.min(rows.length, start + size), crash);
  }
  while (position < rows.length) await deliver(position, Math.min(rows.length, position + 10), 'none');
  await closeWindows(states, publisher, OPTIONS);
  const state = (await states.load(SHARD)) as BotDetectorState;
  return { items: table.items, alerts: notifier.sent.length, tally: state.tally };
}

describe('botStreamHandler under redelivery', () => {
  it('gives the detections, alerts and tally of one clean pass, whatever is delivered again', async () => {
    await fc.assert(
      fc.asyncProperty(stream, fc.array(delivery, { maxLength: 25 }), async (rows, deliveries) => {
        const clean = await run(rows, [{ back: 0, size: rows.length, crash: 'none' }]);
        const redelivered = await run(rows, deliveries);
        expect(redelivered).toEqual(clean);
        expect(clean.alerts).toBe(clean.items.filter((item) => item.severity === 'high').length);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
