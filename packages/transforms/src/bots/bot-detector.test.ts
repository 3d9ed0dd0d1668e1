import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { BotDetectorOptionsError, BotDetectorStateError } from './errors.js';
import { botEvent as event } from './fixtures/bot-event.js';
import type { BotEvent } from './schema.js';

/** `n` events of one user spread over [from, from + 1000). */
const burst = (user: string, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => event(user, from + i));
const run = (events: BotEvent[], options = {}) => {
  const detector = new BotDetector(options);
  return [...detector.push(events), ...detector.flush()];
};

describe('BotDetector thresholds', () => {
  it.each([
    [5, []],
    [6, ['flag']],
    [10, ['flag']],
    [11, ['high']],
  ])('%i events in a window → %j', (n, severities) => {
    expect(run(burst('u1', n)).map((d) => d.severity)).toEqual(severities);
  });

  it('reports key, window bounds and count', () => {
    expect(run(burst('520088904', 7, 20_000))).toEqual([
      { key: '520088904', windowStart: 20_000, windowEnd: 30_000, count: 7, severity: 'flag' },
    ]);
  });

  it('takes both thresholds as options', () => {
    expect(run(burst('u1', 3), { flagThreshold: 2, alertThreshold: 2 })).toMatchObject([
      { severity: 'high' },
    ]);
  });
});

describe('BotDetector windows', () => {
  it('puts an event exactly at windowEnd into the next window', () => {
    const detections = run([...burst('u1', 6, 9_000), event('u1', 10_000)]);
    expect(detections).toEqual([
      { key: 'u1', windowStart: 0, windowEnd: 10_000, count: 6, severity: 'flag' },
    ]);
  });

  it('counts each key separately', () => {
    const events = [...burst('a', 3), ...burst('b', 6), ...burst('a', 3, 500)];
    expect(run(events).map((d) => [d.key, d.count])).toEqual([
      ['a', 6],
      ['b', 6],
    ]);
  });

  it('counts an event in every sliding window that holds it', () => {
    const detections = run(burst('u1', 6, 7_000), { windowMs: 10_000, slideMs: 5_000 });
    expect(detections.map((d) => [d.windowStart, d.windowEnd])).toEqual([
      [0, 10_000],
      [5_000, 15_000],
    ]);
  });

  it('closes a window only when the watermark reaches its end', () => {
    const detector = new BotDetector();
    expect(detector.push(burst('u1', 6))).toEqual([]);
    expect(detector.push([event('u2', 19_999)])).toEqual([]);
    expect(detector.push([event('u2', 20_000)])).toMatchObject([{ key: 'u1', windowEnd: 10_000 }]);
  });

  it('flush closes every open window', () => {
    const detector = new BotDetector();
    detector.push([...burst('u1', 6), ...burst('u2', 6, 50_000), ...burst('u3', 6, 55_000)]);
    expect(detector.flush().map((d) => d.key)).toEqual(['u2', 'u3']);
    expect(detector.stateSize).toEqual({ windows: 0, counters: 0 });
  });
});

describe('BotDetector lateness', () => {
  it.each([
    ['within the allowed lateness', 10_000, 1],
    ['behind the watermark of a closed window', 9_999, 0],
  ])('an event %s (t=%i after t=20000)', (_, time, counted) => {
    const detector = new BotDetector({ allowedLatenessMs: 10_000 });
    detector.push([event('u1', 20_000), event('u1', time)]);
    expect(detector.tally()).toEqual({ counted: 1 + counted, late: 1 - counted, noKey: 0, future: 0 });
  });

  it('counts a late event into a window that is still open', () => {
    const detector = new BotDetector({ allowedLatenessMs: 5_000 });
    detector.push([event('u1', 14_000), event('u1', 10_500)]);
    expect(detector.tally().late).toBe(0);
  });

  it('treats events after flush as late instead of reopening flushed windows', () => {
    const detector = new BotDetector();
    detector.push(burst('u1', 6));
    detector.flush();
    expect(detector.push(burst('u1', 6))).toEqual([]);
    expect(detector.tally()).toMatchObject({ counted: 6, late: 6 });
  });
});

describe('BotDetector keys', () => {
  it.each([
    ['user_session', (i: number) => event(`u${i}`, i, { user_session: 'shared' })],
    ['ip', (i: number) => event(`u${i}`, i, { ip: '10.0.0.1' })],
  ] as const)('groups by %s', (keyBy, make) => {
    const detections = run(
      Array.from({ length: 6 }, (_, i) => make(i)),
      { keyBy },
    );
    expect(detections.map((d) => d.key)).toEqual([keyBy === 'ip' ? '10.0.0.1' : 'shared']);
  });

  it('drops events without a key, counting them', () => {
    const detector = new BotDetector({ keyBy: 'ip' });
    detector.push(burst('u1', 3));
    expect(detector.tally()).toEqual({ counted: 0, late: 0, noKey: 3, future: 0 });
  });

  it('accepts a key function', () => {
    expect(run(burst('u1', 6), { keyBy: (e: BotEvent) => e.category_id })[0]?.key).toBe(
      '2053013555631882655',
    );
  });
});

describe('BotDetector state', () => {
  it('frees closed windows: state stays small over many windows', () => {
    const detector = new BotDetector();
    let largest = 0;
    for (let w = 0; w < 2_000; w++) {
      detector.push(Array.from({ length: 20 }, (_, k) => event(`user-${w}-${k}`, w * 10_000 + k)));
      largest = Math.max(largest, detector.stateSize.counters);
    }
    expect(largest).toBeLessThanOrEqual(3 * 20);
    expect(detector.stateSize.windows).toBeLessThanOrEqual(3);
  });

  it('round-trips through JSON and carries on where it stopped', () => {
    const first = new BotDetector();
    first.push(burst('u1', 4));
    const second = new BotDetector();
    second.restore(JSON.parse(JSON.stringify(first.snapshot())));
    second.push(burst('u1', 2, 5_000));
    expect(second.flush()).toMatchObject([{ key: 'u1', count: 6 }]);
    expect(second.tally().counted).toBe(6);
  });

  it('refuses a state taken with another window geometry', () => {
    const state = new BotDetector({ windowMs: 60_000 }).snapshot();
    expect(() => new BotDetector().restore(state)).toThrow(BotDetectorStateError);
  });

  it('refuses a malformed state, naming the field', () => {
    const state = { ...new BotDetector().snapshot(), windows: [[0, [['u1', -1]]]] };
    expect(() => new BotDetector().restore(state)).toThrow(/windows/);
  });
});

describe('BotDetector options', () => {
  it.each([
    [{ windowMs: 0 }],
    [{ windowMs: 10_000, slideMs: 20_000 }],
    [{ allowedLatenessMs: -1 }],
    [{ flagThreshold: 10, alertThreshold: 5 }],
  ])('refuses %j', (options) => {
    expect(() => new BotDetector(options)).toThrow(BotDetectorOptionsError);
  });
});
