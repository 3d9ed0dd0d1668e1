import { isBalanced } from '@sluice/core/outcome';
import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { detectBots } from './detect-bots.js';
import { detectBotsFromCsv } from './detect-bots-csv.js';
import { botEvent as event } from './fixtures/bot-event.js';
import type { BotDetectorOptions } from './options.js';
import type { BotEvent } from './schema.js';

const T0 = Date.UTC(2019, 10, 1);
const HOUR = 3_600_000;
const CLOCK: BotDetectorOptions = { clock: () => Date.UTC(2025, 0, 1) };

/** Twelve events of one user in the first 6 s after `from`: a `high` detection. */
const burst = (user: string, from = T0) => Array.from({ length: 12 }, (_, i) => event(user, from + 500 * i));
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function run(events: BotEvent[], options: BotDetectorOptions = {}) {
  const detector = new BotDetector({ ...CLOCK, ...options });
  const outcomes = events.map((e) => detector.add(e, []));
  return { outcomes, detections: detector.flush(), tally: detector.tally() };
}

describe('future events', () => {
  it('an event dated 2099 at the head of a stream moves nothing: the burst after it is found', () => {
    const { outcomes, detections, tally } = run([
      event('poison', Date.UTC(2099, 0, 1)),
      ...burst('600000001'),
    ]);
    expect(outcomes[0]).toBe('future-event');
    expect(detections).toMatchObject([{ key: '600000001', count: 12, severity: 'high' }]);
    expect(tally).toEqual({ counted: 12, late: 0, noKey: 0, future: 1 });
  });

  it('an event more than maxFutureMs ahead of the newest is rejected; the watermark stays', () => {
    const { outcomes, tally } = run([event('a', T0), event('a', T0 + HOUR + 1), event('a', T0 + 1_000)]);
    expect(outcomes).toEqual(['counted', 'future-event', 'counted']);
    expect(tally.future).toBe(1);
    expect(run([event('a', T0), event('a', T0 + HOUR)]).outcomes).toEqual(['counted', 'counted']);
  });

  it('accepts a jump once jumpConfirmations consecutive events agree: the last counts and moves the watermark', () => {
    const resumed = T0 + 5 * HOUR;
    const events = [
      ...burst('a'),
      event('b', resumed),
      event('c', resumed + 60_000),
      event('d', resumed + 1_000),
    ];
    const { outcomes, detections } = run([...events, event('late', T0 + 1_000)]);
    expect(outcomes.slice(12)).toEqual(['future-event', 'future-event', 'counted', 'late']);
    expect(detections).toEqual([]); // the jump closed the burst's window: it was reported then
    const detector = new BotDetector(CLOCK);
    expect(detector.push(events)).toMatchObject([{ key: 'a', count: 12 }]);
  });

  it('an event within reach of the stream breaks a run of far-ahead ones', () => {
    const ahead = T0 + 5 * HOUR;
    const events = [
      event('a', T0),
      event('b', ahead),
      event('a', T0 + 1),
      event('b', ahead),
      event('b', ahead),
    ];
    expect(run(events).outcomes).toEqual([
      'counted',
      'future-event',
      'counted',
      'future-event',
      'future-event',
    ]);
    expect(run(events, { jumpConfirmations: 2 }).outcomes.at(-1)).toBe('counted');
    expect(run([event('a', T0), event('b', ahead)], { jumpConfirmations: 1 }).outcomes).toEqual([
      'counted',
      'counted',
    ]);
  });

  it('never accepts an event past the clock, however many agree', () => {
    const events = Array.from({ length: 10 }, () => event('bot', Date.UTC(2099, 0, 1)));
    expect(run(events, { jumpConfirmations: 1 }).tally).toMatchObject({ counted: 0, future: 10 });
  });

  it('keeps a pending jump across snapshot and restore', () => {
    const resumed = T0 + 5 * HOUR;
    const first = new BotDetector(CLOCK);
    first.push([event('a', T0), event('b', resumed), event('b', resumed)]);
    const second = new BotDetector(CLOCK);
    second.restore(JSON.parse(JSON.stringify(first.snapshot())));
    expect(second.add(event('b', resumed), [])).toBe('counted');
  });
});

describe('future events in detectBots and detectBotsFromCsv', () => {
  const poisoned = [iso(Date.UTC(2099, 0, 1)), ...burst('600000001').map((e) => iso(e.event_time))];

  it('detectBots rejects the 2099 event as future-event with its position', () => {
    const rows = poisoned.map((time, i) => ({
      ...event(i === 0 ? 'poison' : '600000001', 0),
      event_time: time,
    }));
    const { detections, rejections, report } = detectBots(rows, {
      ...CLOCK,
      positionOf: (i) => ({ kind: 'file', file: 'events.jsonl', line: i + 1 }),
    });
    expect(detections).toMatchObject([{ key: '600000001', count: 12, severity: 'high' }]);
    expect(report).toMatchObject({ read: 13, kept: 12, rejected: { 'future-event': 1 } });
    expect(rejections).toMatchObject([{ reason: 'future-event', position: { line: 1 } }]);
    expect(rejections[0]?.message).toMatch(
      /^events\.jsonl:1: event time 2099-01-01T00:00:00\.000Z is over 3600000 ms ahead/,
    );
  });

  it('detectBotsFromCsv rejects it too, naming file, line and column, and every line is accounted for', async () => {
    const header =
      'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
    const lines = poisoned.map((time, i) => `${time},view,1,2,,,1.00,${i === 0 ? 'poison' : '600000001'},s`);
    const bytes = Buffer.from(`${header}\n${lines.join('\n')}\n`);
    const rejections: unknown[] = [];
    const run = await detectBotsFromCsv([bytes], {
      ...CLOCK,
      file: 'events.csv',
      onRejected: (r) => void rejections.push(r),
    });
    expect(run.detections).toMatchObject([{ key: '600000001', count: 12, severity: 'high' }]);
    expect(run.report).toMatchObject({ read: 13, kept: 12, rejected: { 'future-event': 1 }, lines: 14 });
    expect(isBalanced(run.report)).toBe(true);
    expect(rejections).toMatchObject([
      {
        reason: 'future-event',
        position: { kind: 'file', file: 'events.csv', line: 2, column: 'event_time' },
      },
    ]);
  });
});
