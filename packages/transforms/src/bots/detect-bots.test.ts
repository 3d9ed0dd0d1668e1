import { readFileSync } from 'node:fs';
import { isBalanced } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { detectBots, readBotEvent } from './detect-bots.js';
import { botEvent as event } from './fixtures/bot-event.js';
import type { BotDetectorOptions } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';

/** The rees46 sample plus an empty session, an impossible date and a bad type and price. */
function fixtureRows(): Record<string, string>[] {
  const text = readFileSync(new URL('./fixtures/rees46-events-19-digit-ids.csv', import.meta.url), 'utf8');
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

describe('detectBots over the rees46 fixture', () => {
  const rows = fixtureRows();
  const run = detectBots(rows, {
    positionOf: (i) => ({ kind: 'file', file: 'events.csv', line: i + 2 }),
    now: () => 0,
  });

  it('rejects bad rows with their line and field, and accounts for every row', () => {
    expect(run.rejections.map((r) => r.message)).toEqual([
      'events.csv:10: event_time: "2019-02-29 00:00:05 UTC" is not "YYYY-MM-DD HH:MM:SS UTC"',
      'events.csv:11: event_type: must be view, cart, remove_from_cart or purchase; price: "abc" is not a number',
    ]);
    expect(run.report).toMatchObject({ read: 10, kept: 8, rejected: { schema: 2 } });
    expect(isBalanced(run.report)).toBe(true);
  });

  it('keeps 19-digit ids as the exact strings of the file', () => {
    const record = readBotEvent(rows[0]);
    expect(record.ok && record.value).toMatchObject({
      category_id: '2053013555631882655',
      event_time: Date.UTC(2019, 10, 1),
      price: 489.07,
      user_session: '4d3b30da-a5e4-49df-b1a8-ba5943f1dd33',
    });
  });

  it('reads an empty session as an empty string, not a rejection', () => {
    const record = readBotEvent(rows[7]);
    expect(record.ok && record.value.user_session).toBe('');
  });
});

describe('readBotEvent', () => {
  it.each([
    // JSON.parse has already rounded this id: refusing it beats storing the wrong id.
    ['category_id', JSON.parse('{"category_id": 2053013555631882655}')],
    ['user_id', { user_id: '' }],
    ['event_time', { event_time: 1572566400000 }],
  ])('rejects a bad %s', (field, patch) => {
    const [row] = fixtureRows();
    const record = readBotEvent({ ...row, ...patch });
    expect(!record.ok && record.rejection.message).toContain(field);
  });

  it('accepts safe integer ids from JSON as strings', () => {
    const [row] = fixtureRows();
    const record = readBotEvent({ ...row, user_id: 520088904, price: 12 });
    expect(record.ok && [record.value.user_id, record.value.price]).toEqual(['520088904', 12]);
  });

  it('keeps any 19-digit id unchanged', () => {
    const [row] = fixtureRows();
    const digits19 = fc.stringMatching(/^[1-9]\d{18}$/);
    fc.assert(
      fc.property(digits19, digits19, (categoryId, userId) => {
        const record = readBotEvent({ ...row, category_id: categoryId, user_id: userId });
        expect(record.ok && [record.value.category_id, record.value.user_id]).toEqual([categoryId, userId]);
        const [detection] = detectBots(Array(6).fill({ ...row, user_id: userId })).detections;
        expect(detection?.key).toBe(userId);
      }),
    );
  });
});

/** Mostly advancing, sometimes late, a few keys: plenty of detections and late events. */
const eventStream = fc.array(
  fc.record({ key: fc.constantFrom('a', 'b', 'c', ''), step: fc.integer({ min: -15_000, max: 4_000 }) }),
  { maxLength: 300 },
);
const geometry = fc.constantFrom<BotDetectorOptions>(
  { flagThreshold: 1, alertThreshold: 3 },
  { windowMs: 10_000, slideMs: 2_500, allowedLatenessMs: 3_000, flagThreshold: 2, alertThreshold: 4 },
  { windowMs: 3_000, allowedLatenessMs: 0, flagThreshold: 0, alertThreshold: 1 },
);
const cuts = fc.array(fc.nat(), { maxLength: 8 });

function toEvents(stream: { key: string; step: number }[]): BotEvent[] {
  let clock = 1_572_566_400_000;
  return stream.map(({ key, step }) => {
    clock += Math.max(step, 0);
    return event(key, clock + Math.min(step, 0));
  });
}

function batches<T>(items: T[], at: number[]): T[][] {
  const bounds = [...new Set(at.map((n) => n % (items.length + 1)))].sort((a, b) => a - b);
  return [...bounds, items.length].map((end, i) => items.slice(i === 0 ? 0 : bounds[i - 1], end));
}

/** Runs `batched` on random streams and cuts: its detections, then its last detector's, must be those of one detector fed the whole stream. */
function matchesWholeStream(
  batched: (events: BotEvent[], options: BotDetectorOptions, at: number[]) => [BotDetection[], BotDetector],
) {
  fc.assert(
    fc.property(eventStream, geometry, cuts, (stream, options, at) => {
      const events = toEvents(stream);
      const whole = new BotDetector(options);
      const expected = [...whole.push(events), ...whole.flush()];
      const [got, last] = batched(events, options, at);
      expect([...got, ...last.flush()]).toEqual(expected);
      expect(last.tally()).toEqual(whole.tally());
    }),
  );
}

describe('BotDetector determinism', () => {
  it('gives the same detections however the events are batched', () => {
    matchesWholeStream((events, options, at) => {
      const split = new BotDetector(options);
      const got = batches(events, at).flatMap((batch) => split.push(batch));
      return [got, split];
    });
  });

  it('gives the same detections with snapshot and restore between batches', () => {
    matchesWholeStream((events, options, at) => {
      let state: unknown;
      const got: BotDetection[] = [];
      for (const batch of batches(events, at)) {
        const invocation = new BotDetector(options);
        if (state) invocation.restore(state);
        got.push(...invocation.push(batch));
        state = JSON.parse(JSON.stringify(invocation.snapshot()));
      }
      const last = new BotDetector(options);
      last.restore(state);
      return [got, last];
    });
  });

  it('accounts for every row: read = counted + late + no-key + rejected', () => {
    const row = fc.oneof(eventStream.map(toEvents), fc.constant([{ event_time: 'garbage' }]));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), geometry, (chunks, options) => {
        const rows = chunks
          .flat()
          .map((e) => ('user_id' in e ? { ...e, event_time: isoOf(e.event_time) } : e));
        const { report } = detectBots(rows, { ...options, now: () => 0 });
        expect(report.read).toBe(rows.length);
        expect(isBalanced(report)).toBe(true);
      }),
    );
  });
});

function isoOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
